import { useSuspenseQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { membersQuery, neighbourhoodsQuery, placesQuery } from "../../api/org.ts";
import { RegisterEntry } from "../register/home-entry.tsx";
import type { Membership } from "../shell/team-choice.ts";
import { TasksDue } from "../tasks/tasks-due.tsx";
import { Greeting } from "./greeting.tsx";
import { PlacesByNeighbourhood } from "./places-by-neighbourhood.tsx";
import { Stats } from "./stats.tsx";
import { TeamMembers } from "./team-members.tsx";

export function CoordinatorHome({ team }: { team: Membership }) {
  const { t } = useTranslation();
  const [members, places, neighbourhoods] = useSuspenseQueries({
    queries: [membersQuery(team.teamId), placesQuery(), neighbourhoodsQuery()],
  });
  return (
    <div className="stack">
      <Greeting intro={t("home.coordinatorIntro", { team: team.teamName })} />
      <RegisterEntry />
      <TasksDue />
      <Stats
        label={team.teamName}
        items={[
          { label: t("home.members"), value: members.data.filter((m) => m.isActive).length },
          { label: t("nav.places"), value: places.data.length },
          { label: t("nav.neighbourhoods"), value: neighbourhoods.data.length },
        ]}
      />
      <div className="grid grid-2">
        <PlacesByNeighbourhood showCount={false} />
        <TeamMembers teamId={team.teamId} title={t("home.members")} />
      </div>
    </div>
  );
}
