// The cursor pull of a worker's working set. Without a cursor (or when the worker's teams changed) it
// is a snapshot; after that only what changed since the cursor: each changed record is read again
// now, through the same scope and field-class rules as the API, and either delivered or turned into
// a tombstone (removed, merged, no longer shared). Small reference sets and open tasks come whole,
// only when their fingerprint in the cursor no longer matches.
import { createHash } from "node:crypto";
import { type PullView, RECENT_CONTACT_DAYS, type SyncContact, type Tombstone } from "@vindplaats/contracts";
import type { Ctx } from "../../http/context.ts";
import { rolesOf } from "../access/policy.ts";
import { allowedFieldClasses, type FieldClass, type Relation } from "../access/record-policy.ts";
import { audit } from "../audit/audit.service.ts";
import { canonical } from "../audit/chain.ts";
import { presentPerson } from "../persons/present.ts";
import { contentTeamIds } from "../persons/scope.ts";
import { checkDevice } from "./devices.service.ts";
import * as repo from "./pull.repo.ts";

interface Cursor {
  /** Last change seen. */
  s: number;
  /** Fingerprints: memberships and roles, reference sets, open tasks. */
  m: string;
  r: string;
  k: string;
  /** When this cursor was made (share expiries since then become tombstones). */
  t: string;
}

const fingerprint = (value: unknown) => createHash("sha256").update(canonical(value)).digest("base64url").slice(0, 16);
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decode(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString()) as Cursor;
    if (
      Number.isSafeInteger(c.s) &&
      typeof c.m === "string" &&
      typeof c.r === "string" &&
      typeof c.k === "string" &&
      !Number.isNaN(Date.parse(c.t))
    )
      return c;
  } catch {}
  return null;
}

function presentWorking(ctx: Ctx, rows: repo.WorkingPerson[]) {
  const roles = rolesOf(ctx.actor);
  const out = [];
  for (const p of rows) {
    const shared = (p.shared_classes ?? []) as FieldClass[];
    const relation: Relation | null = p.is_own ? "own" : p.is_team ? "same_team" : shared.length ? "shared" : null;
    if (!relation) continue;
    const classes = allowedFieldClasses(roles, relation, "read", shared);
    if (classes.size) out.push(presentPerson(p, classes));
  }
  return out;
}

const presentContact = (c: repo.ContactSyncRow): SyncContact => ({
  id: c.id,
  teamId: c.team_id,
  mode: c.mode,
  startedAt: new Date(c.started_at).toISOString(),
  durationMinutes: c.duration_minutes,
  workerIds: c.worker_ids,
  placeId: c.place_id,
  neighbourhoodId: c.neighbourhood_id,
  locationKind: c.location_kind,
  personIds: c.person_ids,
  groupId: c.group_id,
  anonymousTotal: c.anonymous_total,
  lifeDomains: c.life_domains,
  actions: c.actions,
  note: c.note,
  version: c.version,
  createdBy: c.created_by,
});

export async function pull(
  ctx: Ctx,
  q: { cursor?: string | undefined; deviceId?: string | undefined; limit: number },
): Promise<PullView> {
  const now = ctx.clock.now();
  const scope: repo.Scope = { teamIds: contentTeamIds(ctx.actor), userId: ctx.actor.userId, now };
  const since = new Date(now.getTime() - RECENT_CONTACT_DAYS * 86_400_000);
  const m = fingerprint({ teams: [...scope.teamIds].sort(), roles: [...rolesOf(ctx.actor)].sort() });
  const empty = {
    persons: [],
    contacts: [],
    tombstones: [],
    places: null,
    neighbourhoods: null,
    valueLists: null,
    tasks: null,
  };
  if ((await checkDevice(ctx, q.deviceId)).wipe)
    return { snapshot: false, cursor: q.cursor ?? "", hasMore: false, wipe: true, ...empty };

  const { refs: r, tasks: k } = await repo.fingerprints(ctx.tx, scope);
  const previous = decode(q.cursor);
  const snapshot = !previous || previous.m !== m;
  // A snapshot after a team change keeps the phone's reference sets when they did not change.
  const refsChanged = !previous || previous.r !== r;
  const sets = {
    places: refsChanged ? await repo.places(ctx.tx) : null,
    neighbourhoods: refsChanged ? await repo.neighbourhoods(ctx.tx) : null,
    valueLists: refsChanged ? await repo.valueLists(ctx.tx) : null,
    tasks:
      !previous || previous.k !== k
        ? (await repo.openTasks(ctx.tx, scope)).map((t) => ({ ...t, dueOn: String(t.dueOn) }))
        : null,
  };

  let view: Omit<PullView, "places" | "neighbourhoods" | "valueLists" | "tasks" | "wipe">;
  if (snapshot) {
    const seq = await repo.horizon(ctx.tx, ctx.actor.orgId);
    view = {
      snapshot: true,
      hasMore: false,
      cursor: encode({ s: seq, m, r, k, t: now.toISOString() }),
      persons: presentWorking(ctx, await repo.workingPersons(ctx.tx, scope, null)),
      contacts: (await repo.workingContacts(ctx.tx, scope, since, null)).map(presentContact),
      tombstones: [],
    };
  } else {
    const page = await repo.changesAfter(
      ctx.tx,
      previous.s,
      await repo.horizon(ctx.tx, ctx.actor.orgId),
      scope,
      q.limit + 1,
    );
    const hasMore = page.length > q.limit;
    const changes = page.slice(0, q.limit);
    const seq = changes.at(-1)?.seq ?? previous.s;
    const expired = hasMore ? [] : await repo.sharesExpiredBetween(ctx.tx, scope, new Date(previous.t), now);
    view = {
      snapshot: false,
      hasMore,
      // Share expiries are checked up to `now` only once the feed is drained.
      cursor: encode({ s: seq, m, r, k, t: hasMore ? previous.t : now.toISOString() }),
      ...(await changedRecords(ctx, scope, since, changes, expired)),
    };
  }
  if (view.persons.length || view.contacts.length) {
    await audit(ctx, {
      action: "sync.pulled",
      entityType: q.deviceId ? "device" : "user",
      entityId: q.deviceId ?? ctx.actor.userId,
      details: { snapshot: view.snapshot, persons: view.persons.length, contacts: view.contacts.length },
    });
  }
  return { ...view, wipe: false, ...sets };
}

/** Reads every changed record now: delivered when the caller may hold it, else a tombstone. */
async function changedRecords(ctx: Ctx, scope: repo.Scope, since: Date, changes: repo.ChangeRow[], expired: string[]) {
  const last = new Map<string, repo.ChangeRow>();
  for (const c of changes) last.set(`${c.entity_type}:${c.entity_id}`, c);
  const personIds = new Set([...changes.filter((c) => c.entity_type === "person").map((c) => c.entity_id), ...expired]);
  const contactIds = changes.filter((c) => c.entity_type === "contact").map((c) => c.entity_id);

  const contacts = contactIds.length
    ? (await repo.workingContacts(ctx.tx, scope, since, [...new Set(contactIds)])).map(presentContact)
    : [];
  // A contact can bring a person into the team's set (the team met someone another team knew).
  for (const c of contacts) for (const id of c.personIds) personIds.add(id);
  const persons = personIds.size ? presentWorking(ctx, await repo.workingPersons(ctx.tx, scope, [...personIds])) : [];

  const tombstones: Tombstone[] = [];
  const delivered = new Set([...persons.map((p) => `person:${p.id}`), ...contacts.map((c) => `contact:${c.id}`)]);
  const gone = (entityType: "person" | "contact", entityId: string) => {
    const key = `${entityType}:${entityId}`;
    if (delivered.has(key)) return;
    delivered.add(key);
    const change = last.get(key);
    const op =
      change?.op === "merge" || change?.op === "delete" ? change.op : entityType === "contact" ? "delete" : "revoke";
    tombstones.push({
      entityType,
      entityId,
      op,
      mergedIntoId: op === "merge" ? (change?.merged_into_id ?? null) : null,
    });
  };
  for (const c of changes) gone(c.entity_type, c.entity_id);
  for (const id of expired) gone("person", id);
  return { persons, contacts, tombstones };
}
