import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import { useSession } from "../auth/session.ts";
import { type Membership, pickCurrentTeam, readRememberedTeam, rememberTeam } from "./team-choice.ts";

interface CurrentTeam {
  team: Membership | null;
  memberships: Membership[];
  selectTeam: (teamId: string) => void;
}

const CurrentTeamContext = createContext<CurrentTeam | null>(null);

export function CurrentTeamProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const userId = session.user.id;
  const [teamId, setTeamId] = useState(() => readRememberedTeam(userId));
  const value = useMemo<CurrentTeam>(
    () => ({
      team: pickCurrentTeam(session.memberships, teamId),
      memberships: session.memberships,
      selectTeam: (id) => {
        rememberTeam(userId, id);
        setTeamId(id);
      },
    }),
    [session.memberships, teamId, userId],
  );
  return <CurrentTeamContext.Provider value={value}>{children}</CurrentTeamContext.Provider>;
}

export function useCurrentTeam(): CurrentTeam {
  const value = useContext(CurrentTeamContext);
  if (!value) throw new Error("useCurrentTeam outside CurrentTeamProvider");
  return value;
}
