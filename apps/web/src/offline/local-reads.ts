// The worker's daily screens read from here when the API cannot be reached: places and value lists,
// the team's persons by nickname, open tasks, the last and the recent contacts. Each answer has the
// shape of the API's (undefined: the phone holds nothing for it), built from the sealed working set plus what waits in the outbox (a person
// added offline can be met again offline). Opened values are kept in memory until the store changes.
import type {
  ContactView,
  CreateContactBody,
  CreatePersonBody,
  neighbourhoodView,
  PersonView,
  personListItem,
  placeView,
  SyncContact,
  SyncTask,
  TaskView,
  valueListItem,
} from "@vindplaats/contracts";
import { brusselsDay, normalizeNickname } from "@vindplaats/domain";
import type { z } from "zod";
import { ensureOffline } from "./offline.ts";
import type { SyncEngine } from "./sync-engine.ts";
import type { OutboxEntry } from "./vault.ts";

type Place = z.infer<typeof placeView>;
type Neighbourhood = z.infer<typeof neighbourhoodView>;
type ValueItem = z.infer<typeof valueListItem>;
type PersonListItem = z.infer<typeof personListItem>;

interface Snapshot {
  revision: number;
  userId: string;
  persons: PersonView[];
  contacts: SyncContact[];
  outbox: OutboxEntry[];
  sets: Map<string, unknown[] | null>;
}

let cached: { engine: SyncEngine; snapshot: Snapshot } | null = null;

/** Everything the phone holds, opened once per change of the store; null without an offline layer. */
async function snapshot(): Promise<Snapshot | null> {
  const engine = await ensureOffline();
  if (!engine) return null;
  const vault = engine.vault;
  if (cached?.engine === engine && cached.snapshot.revision === vault.revision) return cached.snapshot;
  const revision = vault.revision;
  const [meta, persons, contacts, outbox, ...sets] = await Promise.all([
    vault.device(),
    vault.list<PersonView>("person"),
    vault.list<SyncContact>("contact"),
    vault.outbox(),
    ...(["places", "neighbourhoods", "valueLists", "tasks"] as const).map((name) =>
      vault.get<{ items: unknown[] }>("set", name).then((s) => [name, s?.items ?? null] as const),
    ),
  ]);
  if (!meta) return null;
  const snap: Snapshot = { revision, userId: meta.userId, persons, contacts, outbox, sets: new Map(sets) };
  cached = { engine, snapshot: snap };
  return snap;
}

const setOf = <T>(s: Snapshot, name: string) => s.sets.get(name) as T[] | null;

export async function places(includeInactive: boolean): Promise<Place[] | undefined> {
  const s = await snapshot();
  const items = s && setOf<Omit<Place, "neighbourhoodName">>(s, "places");
  if (!s || !items) return undefined;
  const names = new Map((setOf<Neighbourhood>(s, "neighbourhoods") ?? []).map((n) => [n.id, n.name]));
  return items
    .filter((p) => includeInactive || p.isActive)
    .map((p) => ({ ...p, neighbourhoodName: names.get(p.neighbourhoodId) ?? "" }))
    .sort((a, b) => a.neighbourhoodName.localeCompare(b.neighbourhoodName) || a.name.localeCompare(b.name));
}

export async function neighbourhoods(includeInactive: boolean): Promise<Neighbourhood[] | undefined> {
  const s = await snapshot();
  const items = s && setOf<Neighbourhood>(s, "neighbourhoods");
  if (!items) return undefined;
  return items.filter((n) => includeInactive || n.isActive).sort((a, b) => a.name.localeCompare(b.name));
}

export async function valueLists(): Promise<ValueItem[] | undefined> {
  const s = await snapshot();
  const items = s && setOf<ValueItem>(s, "valueLists");
  if (!items) return undefined;
  return [...items].sort((a, b) => a.list.localeCompare(b.list) || a.sort - b.sort);
}

const contactsWaiting = (s: Snapshot) =>
  s.outbox.filter((m) => m.kind === "contact.create" || m.kind === "contact.tally");

/** Persons made on this phone that the server has not sent back yet. */
function pendingPersons(s: Snapshot): { id: string; nickname: string; description: string | null }[] {
  const known = new Set(s.persons.map((p) => p.id));
  const out = [];
  for (const m of s.outbox) {
    const made =
      m.kind === "person.create"
        ? [m.payload as CreatePersonBody & { id: string }]
        : m.kind === "contact.create"
          ? ((m.payload as CreateContactBody).newPersons as (CreatePersonBody & { id: string })[])
          : [];
    for (const p of made)
      if (p.id && !known.has(p.id)) out.push({ id: p.id, nickname: p.nickname, description: p.description ?? null });
  }
  return out;
}

/** Known persons whose nickname contains the fragment, as the API's search answers. */
export async function searchPersons(
  q: string,
  limit: number,
): Promise<{ items: PersonListItem[]; nextCursor: null } | undefined> {
  const s = await snapshot();
  if (!s) return undefined;
  const needle = normalizeNickname(q);
  const lastSeen = new Map<string, string>();
  for (const c of s.contacts)
    for (const id of c.personIds) if ((lastSeen.get(id) ?? "") < c.startedAt) lastSeen.set(id, c.startedAt);
  const all: PersonListItem[] = [
    ...s.persons
      .filter((p) => p.isActive && !p.mergedIntoId)
      .map((p) => ({
        id: p.id,
        nickname: p.nickname,
        description: p.description,
        ageBand: p.ageBand,
        usualNeighbourhoodId: p.usualNeighbourhoodId,
        identityLevel: p.identityLevel,
        lastSeenAt: lastSeen.get(p.id) ?? null,
      })),
    ...pendingPersons(s).map((p) => ({
      ...p,
      ageBand: null,
      usualNeighbourhoodId: null,
      identityLevel: "pseudonymous" as const,
      lastSeenAt: null,
    })),
  ];
  const hits = all
    .map((p) => ({ p, at: normalizeNickname(p.nickname).indexOf(needle) }))
    .filter((h) => h.at >= 0)
    .sort((a, b) => a.at - b.at || (b.p.lastSeenAt ?? "").localeCompare(a.p.lastSeenAt ?? ""));
  return { items: hits.slice(0, limit).map((h) => h.p), nextCursor: null };
}

/** One person's nickname, for a chosen person the screen knows by id only. */
export async function nickname(id: string): Promise<string | null | undefined> {
  const s = await snapshot();
  if (!s) return undefined;
  return s.persons.find((p) => p.id === id)?.nickname ?? pendingPersons(s).find((p) => p.id === id)?.nickname ?? null;
}

/** The worker's open tasks due today or before, minus those marked done on this phone. */
export async function tasksDue(): Promise<{ today: string; overdue: TaskView[]; dueToday: TaskView[] } | undefined> {
  const s = await snapshot();
  const items = s && setOf<SyncTask>(s, "tasks");
  if (!s || !items) return undefined;
  const { userId } = s;
  const today = brusselsDay(new Date());
  const done = new Set(s.outbox.filter((m) => m.kind === "task.done").map((m) => m.recordId));
  const mine: TaskView[] = items
    .filter((t) => t.assigneeId === userId && !done.has(t.id) && t.dueOn <= today)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    .map((t) => ({
      ...t,
      assigneeName: "",
      caseId: null,
      trajectoryId: null,
      isOverdue: t.dueOn < today,
      doneAt: null,
      doneBy: null,
      createdAt: "",
      createdBy: userId,
    }));
  return { today, overdue: mine.filter((t) => t.isOverdue), dueToday: mine.filter((t) => !t.isOverdue) };
}

function fromPayload(m: OutboxEntry, userId: string): ContactView {
  const b = m.payload as CreateContactBody & { id: string };
  const at = new Date(m.createdAt).toISOString();
  const anonymous = (b.anonymous ?? []).map((a) => ({
    ageBand: a.ageBand ?? null,
    gender: a.gender ?? null,
    count: a.count,
  }));
  return {
    id: b.id,
    teamId: b.teamId,
    mode: b.mode ?? "standard",
    startedAt: b.startedAt,
    durationMinutes: b.durationMinutes,
    workerIds: b.workerIds?.length ? b.workerIds : [userId],
    placeId: b.placeId ?? null,
    neighbourhoodId: b.neighbourhoodId ?? null,
    locationKind: b.locationKind ?? "public",
    personIds: [...(b.personIds ?? []), ...(b.newPersons ?? []).map((p) => p.id!)],
    groupId: b.groupId ?? null,
    anonymous,
    anonymousTotal: anonymous.reduce((n, a) => n + a.count, 0),
    cameAbout: b.cameAbout ?? [],
    workingRelationship: b.workingRelationship ?? [],
    actions: b.actions ?? [],
    lifeDomains: b.lifeDomains ?? [],
    note: b.note ?? null,
    isRemoved: false,
    removedReason: null,
    version: 1,
    createdAt: at,
    createdBy: userId,
    updatedAt: at,
  };
}

function fromWorkingSet(c: SyncContact): ContactView {
  return {
    ...c,
    mode: c.mode as ContactView["mode"],
    locationKind: c.locationKind as ContactView["locationKind"],
    anonymous: [],
    cameAbout: [],
    workingRelationship: [],
    isRemoved: false,
    removedReason: null,
    createdAt: c.startedAt,
    updatedAt: c.startedAt,
  };
}

export type LocalContact = ContactView & { state: "waiting" | "refused" | "synced"; personNames: string[] };

/** The worker's own contacts on this phone, newest first: those waiting to be sent, then the synced. */
export async function recentContacts(limit = 10): Promise<LocalContact[] | undefined> {
  const s = await snapshot();
  if (!s) return undefined;
  const { userId } = s;
  const names = new Map<string, string>([
    ...s.persons.map((p) => [p.id, p.nickname] as const),
    ...pendingPersons(s).map((p) => [p.id, p.nickname] as const),
  ]);
  const waiting = contactsWaiting(s).map((m) => ({
    ...fromPayload(m, userId),
    state: m.state === "queued" ? ("waiting" as const) : ("refused" as const),
  }));
  const waitingIds = new Set(waiting.map((c) => c.id));
  const synced = s.contacts
    .filter((c) => c.createdBy === userId && !waitingIds.has(c.id))
    .map((c) => ({ ...fromWorkingSet(c), state: "synced" as const }));
  return [...waiting, ...synced]
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id))
    .slice(0, limit)
    .map((c) => ({ ...c, personNames: c.personIds.map((id) => names.get(id) ?? "") }));
}

/** The worker's last contact in the team (not a tally), for "repeat the last contact". */
export async function lastContact(teamId: string): Promise<ContactView | null | undefined> {
  const all = await recentContacts(1000);
  return all && (all.find((c) => c.teamId === teamId && c.mode !== "tally") ?? null);
}
