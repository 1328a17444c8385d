// Turns the demo content (accounts, neighbourhoods, places) into table rows for one organisation.
// Pure: ids are made here with uuidv7 and handed back, so a later table can point at them. The demo
// organisation and every benchmark organisation of `demo --scale` are built from these functions.
import { uuidv7 } from "@vindplaats/domain";
import { DEMO_TEAMS, DEMO_USERS, type DemoUser } from "./accounts.ts";
import type { Columns } from "./batch.ts";
import { DEMO_NEIGHBOURHOODS } from "./neighbourhoods.ts";
import { DEMO_PLACES } from "./places.ts";

export const COLUMNS = {
  teams: { id: "uuid", org_id: "uuid", name: "text", kind: "text" },
  users: {
    id: "uuid",
    org_id: "uuid",
    email: "text",
    display_name: "text",
    password_hash: "text",
    org_roles: "text[]",
    locale: "text",
    password_changed_at: "timestamptz",
  },
  memberships: { id: "uuid", org_id: "uuid", team_id: "uuid", user_id: "uuid", role: "text" },
  neighbourhoods: { id: "uuid", org_id: "uuid", name: "text", geojson: "jsonb" },
  places: { id: "uuid", org_id: "uuid", neighbourhood_id: "uuid", name: "text", kind: "text" },
} satisfies Record<string, Columns>;

export type OrgTable = keyof typeof COLUMNS;

export interface Built {
  rows: unknown[][];
  /** Ids by content key (team key, user e-mail local part, neighbourhood key, place name). */
  ids: Record<string, string>;
}

const MEMBERSHIP_COUNT = DEMO_USERS.reduce((n, u) => n + u.teams.length, 0);

/** Rows one organisation gets, per table: the demo organisation and each scale organisation alike. */
export const ROWS_PER_ORG: Record<OrgTable, number> = {
  teams: DEMO_TEAMS.length,
  users: DEMO_USERS.length,
  memberships: MEMBERSHIP_COUNT,
  neighbourhoods: DEMO_NEIGHBOURHOODS.length,
  places: DEMO_PLACES.length,
};

export const localPart = (user: DemoUser) => user.email.split("@")[0]!;

export function teamRows(orgId: string): Built {
  const ids: Record<string, string> = {};
  const rows = DEMO_TEAMS.map((t) => {
    ids[t.key] = uuidv7();
    return [ids[t.key], orgId, t.name, t.kind];
  });
  return { rows, ids };
}

export function userRows(
  orgId: string,
  input: { emailFor: (user: DemoUser) => string; passwordHash: string; now: Date },
): Built {
  const ids: Record<string, string> = {};
  const rows = DEMO_USERS.map((u) => {
    const id = uuidv7();
    ids[localPart(u)] = id;
    return [id, orgId, input.emailFor(u).toLowerCase(), u.displayName, input.passwordHash, u.orgRoles, "nl", input.now];
  });
  return { rows, ids };
}

export function membershipRows(orgId: string, teamIds: Record<string, string>, userIds: Record<string, string>) {
  return DEMO_USERS.flatMap((u) =>
    u.teams.map(([team, role]) => [uuidv7(), orgId, teamIds[team]!, userIds[localPart(u)]!, role]),
  );
}

export function neighbourhoodRows(orgId: string): Built {
  const ids: Record<string, string> = {};
  const rows = DEMO_NEIGHBOURHOODS.map((n) => {
    ids[n.key] = uuidv7();
    return [ids[n.key], orgId, n.name, n.geometry];
  });
  return { rows, ids };
}

export function placeRows(orgId: string, neighbourhoodIds: Record<string, string>): Built {
  const ids: Record<string, string> = {};
  const rows = DEMO_PLACES.map((p) => {
    ids[p.name] = uuidv7();
    return [ids[p.name], orgId, neighbourhoodIds[p.neighbourhood]!, p.name, p.kind];
  });
  return { rows, ids };
}
