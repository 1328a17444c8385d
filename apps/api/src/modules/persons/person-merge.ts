// Merging two records of the same person is explicit: everything recorded about the duplicate
// moves to the survivor, the merge keeps the list of what moved, and an undo moves exactly that back.
import { uuidv7 } from "@vindplaats/domain";
import { setPurpose } from "../../db/database.ts";
import type { Ctx } from "../../http/context.ts";
import { conflict, invalidField, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { requireNotFrozen } from "../subject-rights/restriction.ts";
import { recordChange } from "../sync/changes.ts";
import * as repo from "./persons.repo.ts";
import { requirePerson } from "./persons.service.ts";

interface Moved {
  contacts: string[];
  contactsShared: string[];
  members: string[];
  referrals: string[];
  tasks: string[];
  notes: string[];
  teamLinksAdded: string[];
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

export async function mergePersons(ctx: Ctx, survivorId: string, duplicateId: string) {
  if (survivorId === duplicateId) throw invalidField("duplicateId", "field.invalid");
  const survivor = await requirePerson(ctx, survivorId);
  const duplicate = await repo.getPersonInScope(
    ctx.tx,
    duplicateId,
    ctx.actor.memberships.map((m) => m.teamId),
  );
  if (!duplicate) throw invalidField("duplicateId", "field.not_found");
  await requireNotFrozen(ctx, [duplicateId], "duplicateId");
  if (!survivor.is_active || !duplicate.is_active) throw conflict("conflict", "duplicateId");
  const { tx } = ctx;
  // Other teams' contacts, notes and tasks about this person move too: the survivor is the same
  // human being. Authorised above, audited below.
  await setPurpose(tx, "system");
  const p = [survivorId, duplicateId];
  const contactsShared = ids(
    await tx.query(
      `DELETE FROM contact_persons d USING contact_persons s
        WHERE d.person_id = $2 AND s.person_id = $1 AND s.contact_id = d.contact_id RETURNING d.contact_id AS id`,
      p,
    ),
  );
  const moved: Moved = {
    contacts: ids(
      await tx.query(`UPDATE contact_persons SET person_id = $1 WHERE person_id = $2 RETURNING contact_id AS id`, p),
    ),
    contactsShared,
    members: ids(await tx.query(`UPDATE collective_members SET person_id = $1 WHERE person_id = $2 RETURNING id`, p)),
    referrals: ids(await tx.query(`UPDATE referrals SET person_id = $1 WHERE person_id = $2 RETURNING id`, p)),
    tasks: ids(await tx.query(`UPDATE tasks SET person_id = $1 WHERE person_id = $2 RETURNING id`, p)),
    notes: ids(await tx.query(`UPDATE person_notes SET person_id = $1 WHERE person_id = $2 RETURNING id`, p)),
    teamLinksAdded: ids(
      await tx.query(
        `INSERT INTO person_teams (org_id, person_id, team_id, first_seen_at, last_seen_at, last_worker_id)
         SELECT org_id, $1, team_id, first_seen_at, last_seen_at, last_worker_id FROM person_teams d
          WHERE d.person_id = $2 AND NOT EXISTS (SELECT 1 FROM person_teams s WHERE s.person_id = $1 AND s.team_id = d.team_id)
         RETURNING team_id AS id`,
        p,
      ),
    ),
  };
  const now = ctx.clock.now();
  await tx.query(
    `UPDATE persons SET is_active = false, merged_into_id = $1, version = version + 1, updated_at = $3 WHERE id = $2`,
    [...p, now],
  );
  await tx.query(`UPDATE persons SET version = version + 1, updated_at = $2 WHERE id = $1`, [survivorId, now]);
  const mergeId = uuidv7();
  await tx.query(
    `INSERT INTO person_merges (id, org_id, survivor_id, merged_id, at, actor_user_id, moved) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [mergeId, ctx.actor.orgId, survivorId, duplicateId, now, ctx.actor.userId, JSON.stringify(moved)],
  );
  for (const [personId, action] of [
    [survivorId, "merged"],
    [duplicateId, "merged_into"],
  ] as const) {
    await repo.insertHistory(tx, {
      id: uuidv7(),
      orgId: ctx.actor.orgId,
      personId,
      at: now,
      actorUserId: ctx.actor.userId,
      action,
      changes: { mergeId, survivorId, duplicateId },
    });
  }
  await recordChange(ctx, { entityType: "person", entityId: duplicateId, op: "merge", mergedIntoId: survivorId });
  await audit(ctx, {
    action: "person.merged",
    entityType: "person",
    entityId: survivorId,
    details: { mergeId, duplicateId },
  });
  return { mergeId, survivorId, mergedId: duplicateId, moved: countMoved(moved) };
}

const countMoved = (m: Moved) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.length]));

export async function undoMerge(ctx: Ctx, mergeId: string) {
  const { tx } = ctx;
  const rows = await tx.query<{ survivor_id: string; merged_id: string; moved: Moved; undone_at: Date | null }>(
    `SELECT survivor_id, merged_id, moved, undone_at FROM person_merges WHERE id = $1`,
    [mergeId],
  );
  const merge = rows[0];
  if (!merge) throw notFound();
  await requirePerson(ctx, merge.survivor_id);
  if (merge.undone_at) throw conflict("invalid_transition", "mergeId");
  await setPurpose(tx, "system");
  const { moved } = merge;
  const p = [merge.survivor_id, merge.merged_id];
  await tx.query(`UPDATE contact_persons SET person_id = $2 WHERE person_id = $1 AND contact_id = ANY($3::uuid[])`, [
    ...p,
    moved.contacts,
  ]);
  await tx.query(
    `INSERT INTO contact_persons (org_id, contact_id, person_id) SELECT $1, cid, $2 FROM unnest($3::uuid[]) AS cid`,
    [ctx.actor.orgId, merge.merged_id, moved.contactsShared],
  );
  await tx.query(`UPDATE collective_members SET person_id = $2 WHERE person_id = $1 AND id = ANY($3::uuid[])`, [
    ...p,
    moved.members,
  ]);
  await tx.query(`UPDATE referrals SET person_id = $2 WHERE person_id = $1 AND id = ANY($3::uuid[])`, [
    ...p,
    moved.referrals,
  ]);
  await tx.query(`UPDATE tasks SET person_id = $2 WHERE person_id = $1 AND id = ANY($3::uuid[])`, [...p, moved.tasks]);
  await tx.query(`UPDATE person_notes SET person_id = $2 WHERE person_id = $1 AND id = ANY($3::uuid[])`, [
    ...p,
    moved.notes,
  ]);
  await tx.query(`DELETE FROM person_teams WHERE person_id = $1 AND team_id = ANY($2::uuid[])`, [
    merge.survivor_id,
    moved.teamLinksAdded,
  ]);
  const now = ctx.clock.now();
  await tx.query(
    `UPDATE persons SET is_active = true, merged_into_id = NULL, version = version + 1, updated_at = $2 WHERE id = $1`,
    [merge.merged_id, now],
  );
  await tx.query(`UPDATE persons SET version = version + 1, updated_at = $2 WHERE id = $1`, [merge.survivor_id, now]);
  await tx.query(`UPDATE person_merges SET undone_at = $2, undone_by = $3 WHERE id = $1`, [
    mergeId,
    now,
    ctx.actor.userId,
  ]);
  for (const personId of p) {
    await repo.insertHistory(tx, {
      id: uuidv7(),
      orgId: ctx.actor.orgId,
      personId,
      at: now,
      actorUserId: ctx.actor.userId,
      action: "merge_undone",
      changes: { mergeId },
    });
  }
  await recordChange(ctx, { entityType: "person", entityId: p, op: "upsert", includeContacts: true });
  await audit(ctx, {
    action: "person.merge_undone",
    entityType: "person",
    entityId: merge.survivor_id,
    details: { mergeId },
  });
  return { mergeId, survivorId: merge.survivor_id, mergedId: merge.merged_id, moved: countMoved(moved) };
}
