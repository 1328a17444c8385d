// The signed-in frame: demo banner, sidebar (a collapsible menu on phones) with team switcher,
// navigation, language and sign-out, and the main region where routes render.
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link, Outlet, useRouterState } from "@tanstack/react-router";
import { Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Logo } from "../../ui/logo.tsx";
import { Loading } from "../../ui/misc.tsx";
import { canManageOrg } from "../auth/permissions.ts";
import { sessionQuery, useSession } from "../auth/session.ts";
import { ReportsNavItems } from "../dashboard/reports-nav.tsx";
import { ProtectionNav } from "../protection/protection-nav.tsx";
import { SecrecyNavItems } from "../secrecy/secrecy-nav.tsx";
import { SubjectRightsNav } from "../subject-rights/subject-rights-nav.tsx";
import { CurrentTeamProvider } from "./current-team.tsx";
import { OfflineBar, SignOutButton } from "./offline-bar.tsx";
import { LanguageSwitcher, TeamSwitcher } from "./switchers.tsx";

export function AppShell() {
  // While signing out the session becomes null just before the move to /sign-in: render nothing
  // then, so no screen below asks for a session that is gone.
  const { data: session } = useSuspenseQuery(sessionQuery);
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const [menuOpen, setMenuOpen] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the phone menu whenever the page changes.
  useEffect(() => setMenuOpen(false), [pathname]);
  if (!session) return null;

  return (
    <CurrentTeamProvider>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      {session.organisation.isDemo ? (
        <div className="demo-bar" role="note">
          <strong className="demo-tag">{t("app.demoBanner")}</strong>
          <span>{t("app.demoBannerText")}</span>
        </div>
      ) : null}
      <div className={session.organisation.isDemo ? "shell has-demo" : "shell"}>
        <header className="topbar">
          <Link to="/" className="brand">
            <Logo size={30} />
            <span>{t("app.name")}</span>
          </Link>
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            aria-expanded={menuOpen}
            aria-controls="sidebar"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t("nav.menu")}
          </button>
        </header>
        <aside id="sidebar" className="sidebar" data-open={menuOpen || undefined}>
          <Link to="/" className="brand brand-sidebar">
            <Logo size={34} />
            <span>
              {t("app.name")}
              <small>{session.organisation.name}</small>
            </span>
          </Link>
          <TeamSwitcher />
          <MainNav isAdmin={canManageOrg(session.user)} hasTeam={session.memberships.length > 0} />
          <SidebarFooter />
        </aside>
        <main id="main" className="main" tabIndex={-1}>
          <OfflineBar />
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </CurrentTeamProvider>
  );
}

function MainNav({ isAdmin, hasTeam }: { isAdmin: boolean; hasTeam: boolean }) {
  const { t } = useTranslation();
  const linkProps = { className: "nav-link", activeProps: { "aria-current": "page" as const } };
  return (
    <nav className="nav" aria-label={t("nav.main")}>
      <ul className="nav-list">
        <li>
          <Link to="/" activeOptions={{ exact: true }} {...linkProps}>
            {t("nav.home")}
          </Link>
        </li>
        {hasTeam ? (
          <>
            <li>
              <Link to="/contacts" {...linkProps}>
                {t("nav.contacts")}
              </Link>
            </li>
            <li>
              <Link to="/persons" {...linkProps}>
                {t("nav.persons")}
              </Link>
            </li>
            <li>
              <Link to="/households-and-groups" {...linkProps}>
                {t("nav.collectives")}
              </Link>
            </li>
            <li>
              <Link to="/cases" {...linkProps}>
                {t("cases.nav")}
              </Link>
            </li>
            <li>
              <Link to="/trajectories" {...linkProps}>
                {t("trajectories.nav")}
              </Link>
            </li>
            <li>
              <Link to="/tasks" {...linkProps}>
                {t("tasks.nav")}
              </Link>
            </li>
          </>
        ) : null}
        <ReportsNavItems />
        <SecrecyNavItems />
        <li>
          <Link to="/account" {...linkProps}>
            {t("nav.account")}
          </Link>
        </li>
      </ul>
      {isAdmin ? (
        <>
          <h2 className="nav-heading" id="nav-admin">
            {t("nav.admin")}
          </h2>
          <ul className="nav-list" aria-labelledby="nav-admin">
            <li>
              <Link to="/admin/teams" {...linkProps}>
                {t("nav.teams")}
              </Link>
            </li>
            <li>
              <Link to="/admin/users" {...linkProps}>
                {t("nav.users")}
              </Link>
            </li>
            <li>
              <Link to="/admin/places" {...linkProps}>
                {t("nav.places")}
              </Link>
            </li>
            <li>
              <Link to="/admin/neighbourhoods" {...linkProps}>
                {t("nav.neighbourhoods")}
              </Link>
            </li>
            <li>
              <Link to="/admin/value-lists" {...linkProps}>
                {t("nav.valueLists")}
              </Link>
            </li>
            <li>
              <Link to="/admin/security" {...linkProps}>
                {t("securityAdmin.nav")}
              </Link>
            </li>
          </ul>
        </>
      ) : null}
      <ProtectionNav />
      <SubjectRightsNav />
    </nav>
  );
}

function SidebarFooter() {
  const session = useSession();
  return (
    <div className="sidebar-foot">
      <LanguageSwitcher signedIn />
      <div className="me">
        <span className="me-name">{session.user.displayName}</span>
        <span className="me-mail">{session.user.email}</span>
      </div>
      <SignOutButton />
    </div>
  );
}
