import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { OnlineOnly } from "../../offline/online-only.tsx";
import { Loading } from "../../ui/misc.tsx";
import { RegisterEntry } from "../register/home-entry.tsx";
import { RecentContacts } from "../register/recent-contacts.tsx";
import type { Membership } from "../shell/team-choice.ts";
import { TasksDue } from "../tasks/tasks-due.tsx";
import { Greeting } from "./greeting.tsx";
import { PlacesByNeighbourhood } from "./places-by-neighbourhood.tsx";
import { TeamMembers } from "./team-members.tsx";

// Everything here but the team's members also works without network, from the phone's store.
export function WorkerHome({ team }: { team: Membership }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <Greeting intro={t("home.workerIntro", { team: team.teamName })} />
      <RegisterEntry />
      <TasksDue />
      <RecentContacts />
      <div className="grid grid-2">
        <PlacesByNeighbourhood />
        <OnlineOnly>
          <Suspense fallback={<Loading />}>
            <TeamMembers teamId={team.teamId} title={team.teamName} />
          </Suspense>
        </OnlineOnly>
      </div>
    </div>
  );
}
