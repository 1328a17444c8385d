// The subject-access export (GDPR art. 15) for the DPO: everything recorded about the person (and
// the records merged into it), the state of the record, its revisions and who accessed it, as JSON
// or as a readable PDF. The DPO reads across need-to-know here; the export is audited once.
import type { Locale, SubjectExport } from "@vindplaats/contracts";
import { setPurpose } from "../../db/database.ts";
import type { Ctx } from "../../http/context.ts";
import { notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import type { PersonRow } from "../persons/persons.repo.ts";
import { accessHistory, exportSections, valueLabels } from "./export.repo.ts";
import { renderExportPdf } from "./export-pdf.ts";
import * as repo from "./subject-rights.repo.ts";

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function presentRestriction(r: repo.RestrictionRow) {
  return {
    id: r.id,
    reason: r.reason,
    startedAt: iso(r.started_at)!,
    startedBy: r.started_by_name,
    liftedAt: iso(r.lifted_at),
    liftedBy: r.lifted_by_name,
    liftReason: r.lift_reason,
  };
}

export const presentRevision = (r: repo.RevisionRow) => ({
  at: iso(r.at)!,
  action: r.action,
  by: r.by,
  changes: r.changes,
});

/** What a merged record held itself: its contacts, notes and the rest moved to the survivor. */
const mergedRecord = (m: PersonRow) => ({
  id: m.id,
  nickname: m.nickname,
  description: m.description,
  fullName: m.full_name,
  birthDate: m.birth_date,
  nationalRegisterNumber: m.national_register_number,
  phone: m.phone,
  email: m.email,
  createdAt: iso(m.created_at),
});

async function buildExport(ctx: Ctx, personId: string): Promise<SubjectExport> {
  // Authorised by the route (subject_rights.handle); audited by the caller.
  await setPurpose(ctx.tx, "system");
  const p = await repo.getPersonRow(ctx.tx, personId);
  const state = await repo.getCandidate(ctx.tx, personId);
  if (!p || !state) throw notFound();
  const ids = await repo.personAndMerged(ctx.tx, personId);
  const names = (
    await ctx.tx.query<{ organisation: string; place: string | null; neighbourhood: string | null }>(
      `SELECT o.name AS organisation, (SELECT name FROM places WHERE id = $2) AS place,
              (SELECT name FROM neighbourhoods WHERE id = $3) AS neighbourhood
         FROM organisations o WHERE o.id = $1`,
      [ctx.actor.orgId, p.usual_place_id, p.usual_neighbourhood_id],
    )
  )[0]!;
  return {
    format: "vindplaats.subject-access.v1",
    generatedAt: ctx.clock.now().toISOString(),
    generatedBy: ctx.actor.displayName,
    organisation: names.organisation,
    person: {
      id: p.id,
      nickname: p.nickname,
      description: p.description,
      ageBand: p.age_band,
      gender: p.gender,
      birthYear: p.birth_year,
      languages: p.languages,
      nationality: p.nationality,
      usualPlace: names.place,
      usualNeighbourhood: names.neighbourhood,
      knownToSocialService: p.known_to_social_service,
      identityLevel: p.identity_level,
      fullName: p.full_name,
      birthDate: p.birth_date,
      nationalRegisterNumber: p.national_register_number,
      phone: p.phone,
      email: p.email,
      identifiedAt: iso(p.identified_at),
      ownerTeam: state.owner_team_name,
      isActive: p.is_active,
      mergedRecords: ids.length - 1,
      createdAt: iso(p.created_at),
      updatedAt: iso(p.updated_at),
    },
    status: { restricted: state.restricted, anonymisedAt: iso(state.anonymised_at) },
    mergedRecords: await Promise.all(
      ids.slice(1).map(async (id) => mergedRecord((await repo.getPersonRow(ctx.tx, id))!)),
    ),
    ...(await exportSections(ctx.tx, ids)),
    revisions: (await repo.revisions(ctx.tx, ids)).map(presentRevision),
    restrictions: (await repo.listRestrictions(ctx.tx, personId)).map(presentRestriction),
    accessHistory: await accessHistory(ctx.tx, ids),
  };
}

const sectionCounts = (e: SubjectExport) =>
  Object.fromEntries(
    Object.entries(e)
      .filter(([, v]) => Array.isArray(v))
      .map(([k, v]) => [k, (v as unknown[]).length]),
  );

export async function exportSubject(ctx: Ctx, personId: string): Promise<SubjectExport> {
  const data = await buildExport(ctx, personId);
  await audit(ctx, {
    action: "subject_rights.exported",
    entityType: "person",
    entityId: personId,
    details: { format: "json", sections: sectionCounts(data) },
  });
  return data;
}

export async function exportSubjectPdf(ctx: Ctx, personId: string, locale: Locale): Promise<Buffer> {
  const data = await buildExport(ctx, personId);
  const labels = await valueLabels(ctx.tx);
  await audit(ctx, {
    action: "subject_rights.exported",
    entityType: "person",
    entityId: personId,
    details: { format: "pdf", sections: sectionCounts(data) },
  });
  return renderExportPdf(data, labels, locale);
}
