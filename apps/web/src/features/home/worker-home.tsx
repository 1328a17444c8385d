import { useTranslation } from "react-i18next";
import { RegisterEntry } from "../register/home-entry.tsx";
import type { Membership } from "../shell/team-choice.ts";
import { TasksDue } from "../tasks/tasks-due.tsx";
import { Greeting } from "./greeting.tsx";
import { PlacesByNeighbourhood } from "./places-by-neighbourhood.tsx";
import { TeamMembers } from "./team-members.tsx";

export function WorkerHome({ team }: { team: Membership }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <Greeting intro={t("home.workerIntro", { team: team.teamName })} />
      <RegisterEntry />
      <TasksDue />
      <div className="grid grid-2">
        <PlacesByNeighbourhood />
        <TeamMembers teamId={team.teamId} title={team.teamName} />
      </div>
    </div>
  );
}
