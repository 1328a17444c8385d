// The home screen, one per role. Later issues add contact registration to the worker's home;
// each role's screen lives in its own file here.
import { useTranslation } from "react-i18next";
import { Banner } from "../../ui/misc.tsx";
import { useSession } from "../auth/session.ts";
import { useCurrentTeam } from "../shell/current-team.tsx";
import { AdminHome } from "./admin-home.tsx";
import { CoordinatorHome } from "./coordinator-home.tsx";
import { DirectorHome } from "./director-home.tsx";
import { Greeting } from "./greeting.tsx";
import { homeRole } from "./home-logic.ts";
import { WorkerHome } from "./worker-home.tsx";

export function HomePage() {
  const session = useSession();
  const { team } = useCurrentTeam();
  const { t } = useTranslation();
  const role = homeRole(session.user, team);
  switch (role) {
    case "coordinator":
      return team ? <CoordinatorHome team={team} /> : null;
    case "worker":
      return team ? <WorkerHome team={team} /> : null;
    case "admin":
      return <AdminHome />;
    case "director":
      return <DirectorHome />;
    case "none":
      return (
        <>
          <Greeting intro={t("home.noRoleTitle")} />
          <Banner role="status">{t("home.noRoleBody")}</Banner>
        </>
      );
  }
}
