// Anonymisation and erasure on a person's request (GDPR art. 17), by the DPO. Anonymising keeps the
// person countable in the figures (the yearly figures before and after are equal); erasing, where
// no obligation to keep the data applies, removes the statistics and links too. Both are
// irreversible, audited, and remove the record from the teams' phones on their next pull.
import type { ErasureBody, ErasureView, SubjectReasonBody } from "@vindplaats/contracts";
import { uuidv7 } from "@vindplaats/domain";
import { seal } from "../../crypto/fields.ts";
import type { Ctx } from "../../http/context.ts";
import { invalidTransition } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { anonymisePersons } from "../retention/anonymise.repo.ts";
import { recordChange } from "../sync/changes.ts";
import { contactsWithNotes, eraseLinks, finishAnonymisation } from "./erasure.repo.ts";
import * as repo from "./subject-rights.repo.ts";
import { requireSubjectRecord } from "./subject-rights.service.ts";

async function anonymise(ctx: Ctx, personId: string, reason: string, kind: "anonymise" | "erase") {
  const { state } = await requireSubjectRecord(ctx, personId);
  // Erasing an anonymised record removes what anonymising kept; anonymising it twice is a mistake.
  if (state.anonymised_at && kind === "anonymise") throw invalidTransition("id");
  const ids = await repo.personAndMerged(ctx.tx, personId);
  const at = ctx.clock.now();
  // Announce first, while the shares that may hold a copy are still active; the steps below end them.
  await recordChange(ctx, { entityType: "person", entityId: ids, op: "delete" });
  const contactIds = await contactsWithNotes(ctx.tx, ids);
  const before = await repo.recordCounts(ctx.tx, ids);
  await anonymisePersons(ctx.tx, {
    orgId: ctx.actor.orgId,
    ids,
    at,
    runId: null,
    reason: kind === "erase" ? "erasure" : "subject_request",
  });
  await finishAnonymisation(ctx.tx, ids, { userId: ctx.actor.userId, at });
  if (contactIds.length) await recordChange(ctx, { entityType: "contact", entityId: contactIds, op: "upsert" });
  await repo.insertHistory(ctx.tx, {
    id: uuidv7(),
    orgId: ctx.actor.orgId,
    personId,
    at,
    by: ctx.actor.userId,
    action: kind === "erase" ? "erased" : "anonymised",
    changes: { reason: seal(reason) },
  });
  return {
    at,
    counts: {
      records: ids.length,
      contactNotes: contactIds.length,
      notes: before.notes ?? 0,
      shares: before.shares ?? 0,
    },
  };
}

export async function anonymiseSubject(ctx: Ctx, personId: string, body: SubjectReasonBody): Promise<ErasureView> {
  const { at, counts } = await anonymise(ctx, personId, body.reason, "anonymise");
  await audit(ctx, { action: "person.anonymised", entityType: "person", entityId: personId, details: { counts } });
  return { personId, kind: "anonymised", at: at.toISOString(), counts };
}

export async function eraseSubject(ctx: Ctx, personId: string, body: ErasureBody): Promise<ErasureView> {
  const { at, counts } = await anonymise(ctx, personId, body.reason, "erase");
  const ids = await repo.personAndMerged(ctx.tx, personId);
  const unlinked = await eraseLinks(ctx.tx, ids, at);
  const all = { ...counts, ...Object.fromEntries(Object.entries(unlinked).map(([k, v]) => [`unlinked_${k}`, v])) };
  await audit(ctx, { action: "person.erased", entityType: "person", entityId: personId, details: { counts: all } });
  return { personId, kind: "erased", at: at.toISOString(), counts: all };
}
