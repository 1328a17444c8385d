// The contact being registered, as plain data, and its translation into the API body. Ids are made
// when the draft is made, so saving the same draft twice never stores two contacts.
import type { ContactView, CreateContactBody } from "@vindplaats/contracts";
import {
  brusselsDay,
  brusselsToInstant,
  type CameAbout,
  type ContactAction,
  type ContactMode,
  uuidv7,
  type WorkingRelationship,
} from "@vindplaats/domain";

export const DURATION_PRESETS = [5, 15, 30, 60] as const;

export interface PersonRef {
  id: string;
  /** Null while the name of a pre-filled person (repeat mode) is still being looked up. */
  nickname: string | null;
  /** A person registered with this contact, by nickname. */
  isNew?: boolean;
}

export interface HeadCountRow {
  key: string;
  ageBand: string | null;
  gender: string | null;
  count: number;
}

export interface ReferralDraft {
  id: string;
  serviceCode: string;
  accompanied: boolean;
}

export interface FollowUpDraft {
  id: string;
  title: string;
  dueOn: string;
}

export interface ContactDraft {
  id: string;
  mode: ContactMode;
  date: string;
  time: string;
  durationMinutes: number;
  placeId: string | null;
  persons: PersonRef[];
  groupId: string | null;
  headCounts: HeadCountRow[];
  cameAbout: CameAbout[];
  workingRelationship: WorkingRelationship[];
  actions: ContactAction[];
  lifeDomains: string[];
  referrals: ReferralDraft[];
  note: string;
  followUp: FollowUpDraft | null;
}

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Brussels",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export const newHeadCount = (): HeadCountRow => ({ key: uuidv7(), ageBand: null, gender: null, count: 0 });

export function newDraft(now = new Date()): ContactDraft {
  return {
    id: uuidv7(),
    mode: "standard",
    date: brusselsDay(now),
    time: timeFormat.format(now),
    durationMinutes: 15,
    placeId: null,
    persons: [],
    groupId: null,
    headCounts: [newHeadCount()],
    cameAbout: [],
    workingRelationship: [],
    actions: [],
    lifeDomains: [],
    referrals: [],
    note: "",
    followUp: null,
  };
}

/** "Repeat last contact": the same place, people and Quick Scan, now; never the note or referrals. */
export function draftFromLast(last: ContactView, now = new Date()): ContactDraft {
  const base = newDraft(now);
  const known = <T extends string>(values: string[]) => values as T[];
  return {
    ...base,
    mode: "repeat",
    durationMinutes: last.durationMinutes,
    placeId: last.placeId,
    persons: last.personIds.map((id) => ({ id, nickname: null })),
    groupId: last.groupId,
    headCounts: last.anonymous.length
      ? last.anonymous.map((a) => ({ key: uuidv7(), ageBand: a.ageBand, gender: a.gender, count: a.count }))
      : base.headCounts,
    cameAbout: known<CameAbout>(last.cameAbout),
    workingRelationship: known<WorkingRelationship>(last.workingRelationship),
    actions: known<ContactAction>(last.actions),
    lifeDomains: last.lifeDomains,
  };
}

export const toggle = <T>(values: readonly T[], value: T): T[] =>
  values.includes(value) ? values.filter((v) => v !== value) : [...values, value];

export const headCountTotal = (rows: HeadCountRow[]) => rows.reduce((sum, r) => sum + r.count, 0);

/** Rows with the same age band and gender are one entry for the API. */
function anonymousCounts(rows: HeadCountRow[]) {
  const merged = new Map<string, { ageBand: string | null; gender: string | null; count: number }>();
  for (const r of rows) {
    if (r.count <= 0) continue;
    const key = `${r.ageBand ?? ""}|${r.gender ?? ""}`;
    const entry = merged.get(key) ?? { ageBand: r.ageBand, gender: r.gender, count: 0 };
    entry.count += r.count;
    merged.set(key, entry);
  }
  return [...merged.values()];
}

/** The body of POST /api/v1/contacts. A new person's usual neighbourhood is where they were met. */
export function toContactBody(d: ContactDraft, teamId: string, neighbourhoodId: string | null): CreateContactBody {
  const note = d.note.trim();
  const followUp = d.followUp && (d.followUp.title.trim() || d.followUp.dueOn) ? d.followUp : null;
  return {
    id: d.id,
    teamId,
    mode: d.mode,
    startedAt: brusselsToInstant(d.date, d.time).toISOString(),
    durationMinutes: d.durationMinutes,
    placeId: d.placeId,
    personIds: d.persons.filter((p) => !p.isNew).map((p) => p.id),
    newPersons: d.persons
      .filter((p) => p.isNew)
      .map((p) => ({ id: p.id, nickname: p.nickname ?? "", usualNeighbourhoodId: neighbourhoodId })),
    groupId: d.groupId,
    anonymous: anonymousCounts(d.headCounts),
    cameAbout: d.cameAbout,
    workingRelationship: d.workingRelationship,
    actions: d.actions,
    lifeDomains: d.lifeDomains,
    referrals: d.referrals.map((r) => ({ id: r.id, serviceCode: r.serviceCode, accompanied: r.accompanied })),
    note: note || null,
    followUp: followUp ? { id: followUp.id, title: followUp.title.trim(), dueOn: followUp.dueOn } : null,
  };
}
