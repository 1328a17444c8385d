// Data subject requests handled by the DPO: find the person, see the record with its revisions,
// rectify it (art. 16, every change kept as a revision), restrict processing (art. 18) and lift the
// restriction. Every step reads across need-to-know (purpose 'system') and writes one audit row.
import type {
  RectificationBody,
  SubjectCandidate,
  SubjectLookupBody,
  SubjectOverview,
  SubjectReasonBody,
} from "@vindplaats/contracts";
import { normalizeNationalRegisterNumber, normalizeNickname, uuidv7 } from "@vindplaats/domain";
import { registerNumberHash, seal } from "../../crypto/fields.ts";
import { SEALED_TEXT } from "../../crypto/sealed-columns.ts";
import { setPurpose } from "../../db/database.ts";
import type { Ctx } from "../../http/context.ts";
import { conflict, invalidField, invalidTransition, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { presentPerson } from "../persons/present.ts";
import { recordChange } from "../sync/changes.ts";
import { requireActiveCodes } from "../value-lists/value-lists.service.ts";
import { presentRestriction, presentRevision } from "./export.service.ts";
import { personAnonymised } from "./restriction.ts";
import * as repo from "./subject-rights.repo.ts";

const ALL_CLASSES = new Set(["profile", "identity", "sensitive", "notes"] as const);

const presentCandidate = (c: repo.CandidateRow): SubjectCandidate => ({
  id: c.id,
  nickname: c.nickname,
  identityLevel: c.identity_level,
  ownerTeamName: c.owner_team_name,
  isActive: c.is_active,
  createdAt: new Date(c.created_at).toISOString(),
  restricted: c.restricted,
  anonymisedAt: c.anonymised_at ? new Date(c.anonymised_at).toISOString() : null,
});

export async function lookupSubject(ctx: Ctx, body: SubjectLookupBody): Promise<SubjectCandidate[]> {
  await setPurpose(ctx.tx, "system");
  const rows = await repo.findCandidates(ctx.tx, ctx.actor.orgId, {
    nationalRegisterNumber: body.nationalRegisterNumber
      ? normalizeNationalRegisterNumber(body.nationalRegisterNumber)
      : undefined,
    personId: body.personId,
    nicknameNorm: body.nickname ? normalizeNickname(body.nickname) || undefined : undefined,
  });
  // What was searched is personal data: the audit keeps only which keys were used.
  await audit(ctx, {
    action: "subject_rights.looked_up",
    entityType: "person",
    entityId: null,
    details: { by: Object.keys(body).sort(), results: rows.length },
  });
  return rows.map(presentCandidate);
}

/** The person a request is about, read across need-to-know (authorised by the route, audited by the caller). */
export async function requireSubjectRecord(ctx: Ctx, personId: string) {
  await setPurpose(ctx.tx, "system");
  const person = await repo.getPersonRow(ctx.tx, personId);
  const state = await repo.getCandidate(ctx.tx, personId);
  if (!person || !state) throw notFound();
  return { person, state };
}

async function overview(ctx: Ctx, personId: string): Promise<SubjectOverview> {
  const { person, state } = await requireSubjectRecord(ctx, personId);
  const ids = await repo.personAndMerged(ctx.tx, personId);
  return {
    person: presentPerson(person, ALL_CLASSES),
    ownerTeamName: state.owner_team_name,
    restricted: state.restricted,
    anonymisedAt: state.anonymised_at ? new Date(state.anonymised_at).toISOString() : null,
    restrictions: (await repo.listRestrictions(ctx.tx, personId)).map(presentRestriction),
    revisions: (await repo.revisions(ctx.tx, ids)).map(presentRevision),
    counts: await repo.recordCounts(ctx.tx, ids),
  };
}

export async function viewSubject(ctx: Ctx, personId: string): Promise<SubjectOverview> {
  const view = await overview(ctx, personId);
  await audit(ctx, { action: "subject_rights.viewed", entityType: "person", entityId: personId });
  return view;
}

/** Request fields and the persons columns they correct. */
const COLUMNS: Record<Exclude<keyof RectificationBody, "reason">, string> = {
  nickname: "nickname",
  description: "description",
  ageBand: "age_band",
  gender: "gender",
  birthYear: "birth_year",
  languages: "languages",
  nationality: "nationality",
  knownToSocialService: "known_to_social_service",
  fullName: "full_name",
  birthDate: "birth_date",
  nationalRegisterNumber: "national_register_number",
  phone: "phone",
  email: "email",
};
const IDENTITY = new Set(["fullName", "birthDate", "nationalRegisterNumber", "phone", "email"]);
const SEALED = new Set<string>(SEALED_TEXT.persons);

export async function rectifySubject(ctx: Ctx, personId: string, body: RectificationBody): Promise<SubjectOverview> {
  const { person, state } = await requireSubjectRecord(ctx, personId);
  if (state.anonymised_at) throw personAnonymised();
  const { reason, ...fields } = body;
  await requireActiveCodes(ctx, "age_band", [fields.ageBand], "ageBand");
  await requireActiveCodes(ctx, "gender", [fields.gender], "gender");
  await requireActiveCodes(ctx, "language", fields.languages ?? [], "languages");
  await requireActiveCodes(ctx, "nationality", [fields.nationality], "nationality");
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const sets: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMNS)) {
    let to = fields[field as keyof typeof fields] as unknown;
    if (to === undefined) continue;
    if (field === "nationalRegisterNumber" && typeof to === "string") to = normalizeNationalRegisterNumber(to);
    if (IDENTITY.has(field) && person.identity_level !== "identified") throw invalidField(field, "field.invalid");
    const from = person[column as keyof typeof person];
    if (JSON.stringify(from ?? null) === JSON.stringify(to)) continue;
    changes[field] = { from: from ?? null, to };
    sets[column] = SEALED.has(column) ? seal(to as string | null) : to;
    if (column === "national_register_number") sets.national_register_hash = registerNumberHash(to as string | null);
    if (column === "nickname") sets.nickname_norm = normalizeNickname(to as string);
  }
  if (!Object.keys(changes).length) throw invalidField("reason", "field.required", 400);
  const now = ctx.clock.now();
  const names = Object.keys(sets);
  await ctx.tx.query(
    `UPDATE persons SET ${names.map((c, i) => `${c} = $${i + 2}`).join(", ")}, version = version + 1, updated_at = $${names.length + 2}
      WHERE id = $1`,
    [personId, ...names.map((c) => sets[c]), now],
  );
  await repo.insertHistory(ctx.tx, {
    id: uuidv7(),
    orgId: ctx.actor.orgId,
    personId,
    at: now,
    by: ctx.actor.userId,
    action: "rectified",
    changes: { ...changes, reason: seal(reason) },
  });
  await recordChange(ctx, { entityType: "person", entityId: personId, op: "upsert" });
  await audit(ctx, {
    action: "person.rectified",
    entityType: "person",
    entityId: personId,
    details: { fields: Object.keys(changes) },
  });
  return overview(ctx, personId);
}

export async function restrictSubject(ctx: Ctx, personId: string, body: SubjectReasonBody): Promise<SubjectOverview> {
  const { state } = await requireSubjectRecord(ctx, personId);
  if (state.anonymised_at) throw personAnonymised();
  if (state.restricted) throw conflict("invalid_transition", "id");
  const id = uuidv7();
  const now = ctx.clock.now();
  await repo.insertRestriction(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    personId,
    reason: body.reason,
    at: now,
    by: ctx.actor.userId,
  });
  await repo.insertHistory(ctx.tx, {
    id: uuidv7(),
    orgId: ctx.actor.orgId,
    personId,
    at: now,
    by: ctx.actor.userId,
    action: "restricted",
    changes: { restrictionId: id },
  });
  await audit(ctx, {
    action: "person.restricted",
    entityType: "person",
    entityId: personId,
    details: { restrictionId: id },
  });
  return overview(ctx, personId);
}

export async function liftRestriction(ctx: Ctx, personId: string, body: SubjectReasonBody): Promise<SubjectOverview> {
  await requireSubjectRecord(ctx, personId);
  const now = ctx.clock.now();
  const id = await repo.liftRestriction(ctx.tx, personId, { reason: body.reason, at: now, by: ctx.actor.userId });
  if (!id) throw invalidTransition("id");
  await repo.insertHistory(ctx.tx, {
    id: uuidv7(),
    orgId: ctx.actor.orgId,
    personId,
    at: now,
    by: ctx.actor.userId,
    action: "restriction_lifted",
    changes: { restrictionId: id },
  });
  await audit(ctx, {
    action: "person.restriction_lifted",
    entityType: "person",
    entityId: personId,
    details: { restrictionId: id },
  });
  return overview(ctx, personId);
}
