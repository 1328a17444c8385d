// The registration writes as outbox mutations. The screens get back the record as it will be stored,
// built on the phone from what they sent (ids are the phone's), whether or not the network is there.
import type { ContactView, CreateContactBody, CreatePersonBody, PersonView } from "@vindplaats/contracts";
import { uuidv7 } from "@vindplaats/domain";
import { offlineEngine, saveOffline, workingSet } from "./offline.ts";

interface PlaceItem {
  id: string;
  kind: string;
  neighbourhoodId: string;
}

export interface Saved<T> {
  record: T;
  /** False while it is only on this phone ("opgeslagen op deze telefoon"). */
  synced: boolean;
}

export const offlineReady = () => offlineEngine() !== null;

async function me(): Promise<string> {
  const meta = await offlineEngine()?.vault.device();
  if (!meta) throw new Error("the offline layer is not started");
  return meta.userId;
}

export async function queueContact(body: CreateContactBody): Promise<Saved<ContactView>> {
  const full: CreateContactBody = {
    ...body,
    id: body.id ?? uuidv7(),
    newPersons: body.newPersons.map((p) => ({ ...p, id: p.id ?? uuidv7() })),
    referrals: body.referrals.map((r) => ({ ...r, id: r.id ?? uuidv7() })),
    followUp: body.followUp ? { ...body.followUp, id: body.followUp.id ?? uuidv7() } : body.followUp,
  };
  const { synced } = await saveOffline("contact.create", full as Record<string, unknown>, {
    type: "contact",
    id: full.id!,
  });
  const userId = await me();
  const place = full.placeId
    ? ((await workingSet<PlaceItem>("places")) ?? []).find((p) => p.id === full.placeId)
    : undefined;
  const now = new Date().toISOString();
  const personIds = [...full.personIds, ...full.newPersons.map((p) => p.id!)].sort();
  const record: ContactView = {
    id: full.id!,
    teamId: full.teamId,
    mode: full.mode,
    startedAt: full.startedAt,
    durationMinutes: full.durationMinutes,
    workerIds: full.workerIds?.length ? full.workerIds : [userId],
    placeId: full.placeId ?? null,
    neighbourhoodId: place?.neighbourhoodId ?? full.neighbourhoodId ?? null,
    locationKind: (place?.kind ?? full.locationKind ?? "public") as ContactView["locationKind"],
    personIds,
    groupId: full.groupId ?? null,
    anonymous: full.anonymous.map((a) => ({ ageBand: a.ageBand ?? null, gender: a.gender ?? null, count: a.count })),
    anonymousTotal: full.anonymous.reduce((n, a) => n + a.count, 0),
    cameAbout: full.cameAbout,
    workingRelationship: full.workingRelationship,
    actions: full.actions,
    lifeDomains: full.lifeDomains,
    note: full.note ?? null,
    isRemoved: false,
    removedReason: null,
    version: 1,
    createdAt: now,
    createdBy: userId,
    updatedAt: now,
  };
  return { record, synced };
}

export async function queueTally(body: {
  id?: string | undefined;
  teamId: string;
  placeId: string;
  ageBand?: string | null | undefined;
  gender?: string | null | undefined;
  startedAt?: string | undefined;
}) {
  return queueContact({
    id: body.id ?? uuidv7(),
    teamId: body.teamId,
    mode: "tally",
    startedAt: body.startedAt ?? new Date().toISOString(),
    durationMinutes: 0,
    placeId: body.placeId,
    personIds: [],
    anonymous: [{ ageBand: body.ageBand ?? null, gender: body.gender ?? null, count: 1 }],
    cameAbout: [],
    workingRelationship: [],
    actions: [],
    lifeDomains: [],
    newPersons: [],
    referrals: [],
  });
}

export async function queuePerson(body: CreatePersonBody): Promise<Saved<PersonView>> {
  const full = { ...body, id: body.id ?? uuidv7() };
  const { synced } = await saveOffline("person.create", full as Record<string, unknown>, {
    type: "person",
    id: full.id,
  });
  const now = new Date().toISOString();
  const record: PersonView = {
    id: full.id,
    ownerTeamId: full.teamId,
    nickname: full.nickname,
    description: full.description ?? null,
    ageBand: full.ageBand ?? null,
    gender: full.gender ?? null,
    birthYear: full.birthYear ?? null,
    languages: full.languages ?? [],
    nationality: full.nationality ?? null,
    usualPlaceId: full.usualPlaceId ?? null,
    usualNeighbourhoodId: full.usualNeighbourhoodId ?? null,
    knownToSocialService: full.knownToSocialService ?? null,
    identityLevel: "pseudonymous",
    identity: null,
    isActive: true,
    mergedIntoId: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return { record, synced };
}

/** A profile edit made offline, with the version the worker saw (the server flags a stale one). */
export function queuePersonUpdate(personId: string, baseVersion: number, changes: Record<string, unknown>) {
  return saveOffline("person.update", { ...changes, personId, baseVersion }, { type: "person", id: personId });
}

export function queueTaskDone(taskId: string) {
  return saveOffline("task.done", { taskId }, { type: "task", id: taskId });
}
