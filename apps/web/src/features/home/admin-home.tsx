// The administrator's home (also at /admin): one card per admin screen with live counts.
import { useSuspenseQueries } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { neighbourhoodsQuery, placesQuery, teamsQuery, usersQuery } from "../../api/org.ts";
import { useSession } from "../auth/session.ts";
import { Greeting } from "./greeting.tsx";

const active = (rows: { isActive: boolean }[]) => rows.filter((r) => r.isActive).length;

export function AdminHome() {
  const { t } = useTranslation();
  const session = useSession();
  const [teams, users, places, neighbourhoods] = useSuspenseQueries({
    queries: [teamsQuery(true), usersQuery(), placesQuery(true), neighbourhoodsQuery(true)],
  });
  const cards = [
    { to: "/admin/teams", title: t("nav.teams"), rows: teams.data },
    { to: "/admin/users", title: t("nav.users"), rows: users.data },
    { to: "/admin/places", title: t("nav.places"), rows: places.data },
    {
      to: "/admin/neighbourhoods",
      title: t("nav.neighbourhoods"),
      rows: neighbourhoods.data,
    },
  ] as const;
  return (
    <div className="stack">
      <Greeting intro={t("home.adminIntro", { org: session.organisation.name })} />
      <h2 className="visually-hidden">{t("home.adminCards")}</h2>
      <ul className="admin-cards">
        {cards.map((card) => {
          const inactive = card.rows.length - active(card.rows);
          return (
            <li key={card.to}>
              <Link to={card.to} className="admin-card">
                <span className="admin-card-title">{card.title}</span>
                <span className="admin-card-count">{active(card.rows)}</span>
                <span className="admin-card-sub">
                  {t("admin.active")}
                  {inactive > 0 ? ` · ${t("home.inactiveCount", { count: inactive })}` : null}
                </span>
                <span className="admin-card-go">{t("home.manage")} →</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
