// Code-based routes. Every screen is a lazily loaded chunk; the shell (frame, sign-in guard,
// navigation) stays in the entry bundle so a phone starts quickly.
import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { AdminGuard } from "./features/admin/admin-guard.tsx";
import { sessionQuery } from "./features/auth/session.ts";
import { parseFilters } from "./features/coordinator/filters.ts";
import { parseDashboardSearch } from "./features/dashboard/search.ts";
import { parseAuditSearch } from "./features/secrecy/audit-search.ts";
import { AppShell } from "./features/shell/app-shell.tsx";
import { NotFound, RouteError } from "./features/shell/route-states.tsx";
import { Loading } from "./ui/misc.tsx";

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "sign-in",
  validateSearch: (search: Record<string, unknown>): { redirect?: string; reason?: string } => ({
    ...(typeof search.redirect === "string" ? { redirect: search.redirect } : {}),
    ...(typeof search.reason === "string" ? { reason: search.reason } : {}),
  }),
  beforeLoad: async ({ context }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session) throw redirect({ to: stepPath(session) ?? "/" });
  },
  component: lazyRouteComponent(() => import("./features/auth/sign-in-page.tsx"), "SignInPage"),
});

/** Where an unfinished sign-in continues: the second step or the enrolment; null when signed in. */
function stepPath(session: { pending: { step: string } | null }): "/sign-in/verify" | "/sign-in/enrol" | null {
  if (!session.pending) return null;
  return session.pending.step === "enrolment" ? "/sign-in/enrol" : "/sign-in/verify";
}

const stepGuard =
  (path: "/sign-in/verify" | "/sign-in/enrol") =>
  async ({ context }: { context: RouterContext }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: "/sign-in" });
    const step = stepPath(session);
    if (step !== path) throw redirect({ to: step ?? "/" });
  };
const verifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "sign-in/verify",
  beforeLoad: stepGuard("/sign-in/verify"),
  component: lazyRouteComponent(() => import("./features/auth/sign-in-steps.tsx"), "SecondStepPage"),
});
const enrolRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "sign-in/enrol",
  beforeLoad: stepGuard("/sign-in/enrol"),
  component: lazyRouteComponent(() => import("./features/auth/sign-in-steps.tsx"), "EnrolPage"),
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
    const step = stepPath(session);
    if (step) throw redirect({ to: step });
  },
  component: AppShell,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  component: lazyRouteComponent(() => import("./features/home/home-page.tsx"), "HomePage"),
});
const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "account",
  component: lazyRouteComponent(() => import("./features/account/account-page.tsx"), "AccountPage"),
});

// People and contacts: the phone flow (register, tally), the person page, lists for coordinators.
const registerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "contacts/new",
  validateSearch: (search: Record<string, unknown>): { mode?: "repeat" | "group" } =>
    search.mode === "repeat" || search.mode === "group" ? { mode: search.mode } : {},
  component: lazyRouteComponent(() => import("./features/register/register-page.tsx"), "RegisterPage"),
});
const tallyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "tally",
  component: lazyRouteComponent(() => import("./features/register/tally-page.tsx"), "TallyPage"),
});
const contactsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "contacts",
  validateSearch: parseFilters,
  component: lazyRouteComponent(() => import("./features/coordinator/contacts-page.tsx"), "ContactsPage"),
});
const contactRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "contacts/$contactId",
  component: lazyRouteComponent(() => import("./features/contacts/contact-page.tsx"), "ContactPage"),
});
const personsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "persons",
  validateSearch: (search: Record<string, unknown>): { q?: string } =>
    typeof search.q === "string" && search.q ? { q: search.q.slice(0, 80) } : {},
  component: lazyRouteComponent(() => import("./features/coordinator/persons-page.tsx"), "PersonsPage"),
});
const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "persons/$personId",
  component: lazyRouteComponent(() => import("./features/persons/person-page.tsx"), "PersonPage"),
  // A record outside one's scope answers 404; its error screen offers emergency access.
  errorComponent: lazyRouteComponent(() => import("./features/secrecy/person-unavailable.tsx"), "PersonUnavailable"),
});
const collectivesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "households-and-groups",
  component: lazyRouteComponent(() => import("./features/coordinator/collectives-page.tsx"), "CollectivesPage"),
});

// Address cases, trajectories and tasks (neighbourhood stewards, street work, Housing First).
const casesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "cases",
  component: lazyRouteComponent(() => import("./features/cases/cases-page.tsx"), "CasesPage"),
});
const newCaseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "cases/new",
  component: lazyRouteComponent(() => import("./features/cases/new-case-page.tsx"), "NewCasePage"),
});
const caseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "cases/$caseId",
  component: lazyRouteComponent(() => import("./features/cases/case-page.tsx"), "CasePage"),
});
const trajectoriesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "trajectories",
  component: lazyRouteComponent(() => import("./features/trajectories/trajectories-page.tsx"), "TrajectoriesPage"),
});
const trajectoryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "trajectories/$trajectoryId",
  component: lazyRouteComponent(() => import("./features/trajectories/trajectory-page.tsx"), "TrajectoryPage"),
});
const tasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "tasks",
  component: lazyRouteComponent(() => import("./features/tasks/tasks-page.tsx"), "TasksPage"),
});

const adminRoute = createRoute({ getParentRoute: () => appRoute, path: "admin", component: AdminGuard });
const adminHomeRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/",
  component: lazyRouteComponent(() => import("./features/home/admin-home.tsx"), "AdminHome"),
});
const adminTeamsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "teams",
  component: lazyRouteComponent(() => import("./features/admin/teams/teams-page.tsx"), "TeamsPage"),
});
const adminUsersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "users",
  component: lazyRouteComponent(() => import("./features/admin/users/users-page.tsx"), "UsersPage"),
});
const adminPlacesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "places",
  component: lazyRouteComponent(() => import("./features/admin/places/places-page.tsx"), "PlacesPage"),
});
const adminNeighbourhoodsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "neighbourhoods",
  component: lazyRouteComponent(() => import("./features/admin/places/neighbourhoods-page.tsx"), "NeighbourhoodsPage"),
});
const adminSecurityRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "security",
  component: lazyRouteComponent(() => import("./features/admin/security/security-page.tsx"), "SecurityAdminPage"),
});
const adminValueListsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "value-lists",
  component: lazyRouteComponent(() => import("./features/value-lists/value-lists-page.tsx"), "ValueListsPage"),
});

// Figures and stories: the dashboard, the yearly report, quotes for it, the metrics catalogue.
const figuresRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "figures",
  validateSearch: parseDashboardSearch,
  component: lazyRouteComponent(() => import("./features/dashboard/dashboard-page.tsx"), "DashboardPage"),
});
const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "reports",
  component: lazyRouteComponent(() => import("./features/reports/reports-page.tsx"), "ReportsPage"),
});
const storiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "stories",
  component: lazyRouteComponent(() => import("./features/reports/stories-page.tsx"), "StoriesPage"),
});
const metricsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "metrics",
  component: lazyRouteComponent(() => import("./features/metrics/metrics-page.tsx"), "MetricsPage"),
});

// Professional secrecy: what others shared with me, reviewing emergency access, the DPO's audit trail.
const sharedWithMeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "shared-with-me",
  component: lazyRouteComponent(() => import("./features/secrecy/shared-with-me-page.tsx"), "SharedWithMePage"),
});
const breakGlassRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "break-glass",
  component: lazyRouteComponent(() => import("./features/secrecy/break-glass-review-page.tsx"), "BreakGlassReviewPage"),
});
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "audit",
  validateSearch: parseAuditSearch,
  component: lazyRouteComponent(() => import("./features/secrecy/audit-page.tsx"), "AuditPage"),
});
const accessHistoryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "audit/persons/$personId",
  component: lazyRouteComponent(() => import("./features/secrecy/access-history-page.tsx"), "AccessHistoryPage"),
});

// Data protection: retention periods and the register of processing (administrator and DPO).
const retentionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "privacy/retention",
  component: lazyRouteComponent(() => import("./features/protection/retention-page.tsx"), "RetentionPage"),
});
const processingRegisterRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "privacy/register",
  component: lazyRouteComponent(() => import("./features/protection/register-page.tsx"), "RegisterPage"),
});
// Data subject rights (the DPO): find the person, export, rectify, restrict, anonymise or erase.
const subjectRightsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "privacy/subject-rights",
  validateSearch: (search: Record<string, unknown>): { person?: string } =>
    typeof search.person === "string" && /^[0-9a-f-]{36}$/.test(search.person) ? { person: search.person } : {},
  component: lazyRouteComponent(() => import("./features/subject-rights/subject-rights-page.tsx"), "SubjectRightsPage"),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  verifyRoute,
  enrolRoute,
  appRoute.addChildren([
    homeRoute,
    accountRoute,
    casesRoute,
    newCaseRoute,
    caseRoute,
    trajectoriesRoute,
    trajectoryRoute,
    tasksRoute,
    registerRoute,
    tallyRoute,
    contactsRoute,
    contactRoute,
    personsRoute,
    personRoute,
    collectivesRoute,
    figuresRoute,
    reportsRoute,
    storiesRoute,
    metricsRoute,
    retentionRoute,
    subjectRightsRoute,
    processingRegisterRoute,
    sharedWithMeRoute,
    breakGlassRoute,
    auditRoute,
    accessHistoryRoute,
    adminRoute.addChildren([
      adminHomeRoute,
      adminTeamsRoute,
      adminUsersRoute,
      adminPlacesRoute,
      adminNeighbourhoodsRoute,
      adminValueListsRoute,
      adminSecurityRoute,
    ]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    defaultPendingComponent: Loading,
    defaultErrorComponent: RouteError,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
