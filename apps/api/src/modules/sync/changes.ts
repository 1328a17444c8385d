// The change feed phones pull from. Services call recordChange in the transaction of the change;
// the helper fans one change out to every team (or partner) whose devices may hold the record, so
// a pull only scans changes addressed to its own teams. The feed carries ids, never content: the
// pull reads the current record through the policy when it delivers it.
import { RECENT_CONTACT_DAYS } from "@vindplaats/contracts";
import { prepared } from "../../db/database.ts";
import type { Ctx } from "../../http/context.ts";

export type ChangeOp = "upsert" | "delete" | "merge" | "revoke";

export interface Change {
  entityType: "person" | "contact";
  entityId: string | readonly string[];
  op: ChangeOp;
  /** Address the change to this team (or user) only: a revoked share, whose team no longer knows the person. */
  teamId?: string | null;
  userId?: string | null;
  /** For a merge: the surviving record. The survivor and the contacts that moved get an upsert too. */
  mergedIntoId?: string | null;
  /** Also announce the recent contacts of these persons (an undone merge moves contacts back). */
  includeContacts?: boolean;
}

/**
 * Every insert first takes the organisation's writer lock in shared mode, held until commit: writers
 * do not wait for each other, but a pull's horizon (sync_horizon, exclusive) waits for all of them, so
 * a cursor never skips a late commit. The lock is part of the statement: no row, and so no seq,
 * exists before it is held.
 */
const INSERT = `WITH writer AS MATERIALIZED (SELECT pg_advisory_xact_lock_shared(hashtextextended($1::text, 8)))
  INSERT INTO sync_changes (org_id, entity_type, entity_id, op, team_id, user_id, merged_into_id, at)`;

/** Person changes go to the owner team, every team that met the person and every active share. */
const PERSON_FANOUT = `
  ${INSERT}
  SELECT DISTINCT $1::uuid, 'person', a.person_id, $3::text, a.team_id, a.user_id, $4::uuid, $5::timestamptz
    FROM writer, (
      SELECT p.id AS person_id, p.owner_team_id AS team_id, NULL::uuid AS user_id FROM persons p WHERE p.id = ANY($2::uuid[])
      UNION SELECT pt.person_id, pt.team_id, NULL FROM person_teams pt WHERE pt.person_id = ANY($2::uuid[])
      UNION SELECT s.person_id, s.to_team_id, s.to_user_id FROM person_shares s
             WHERE s.person_id = ANY($2::uuid[]) AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > $5::timestamptz)
    ) a`;

const CONTACT_FANOUT = prepared(`
  ${INSERT}
  SELECT $1::uuid, 'contact', c.id, $3::text, c.team_id, NULL::uuid, NULL::uuid, $4::timestamptz FROM writer, contacts c WHERE c.id = ANY($2::uuid[])`);

const CONTACTS_OF_PERSONS = `
  ${INSERT}
  SELECT DISTINCT $1::uuid, 'contact', c.id, 'upsert', c.team_id, NULL::uuid, NULL::uuid, $3::timestamptz
    FROM writer, contact_persons cp JOIN contacts c ON c.id = cp.contact_id
   WHERE cp.person_id = ANY($2::uuid[]) AND c.started_at > $4::timestamptz`;

/** Records a change for pulling devices, in the caller's transaction. */
export async function recordChange(ctx: Ctx, change: Change): Promise<void> {
  const { tx } = ctx;
  const orgId = ctx.actor.orgId;
  const at = ctx.clock.now();
  const ids = typeof change.entityId === "string" ? [change.entityId] : [...change.entityId];
  if (!ids.length) return;
  if (change.teamId || change.userId) {
    await tx.query(
      `${INSERT} SELECT $1::uuid, $2::text, id, $3::text, $4::uuid, $5::uuid, $6::uuid, $7::timestamptz FROM writer, unnest($8::uuid[]) AS id`,
      [
        orgId,
        change.entityType,
        change.op,
        change.teamId ?? null,
        change.userId ?? null,
        change.mergedIntoId ?? null,
        at,
        ids,
      ],
    );
  } else if (change.entityType === "contact") {
    await tx.query(CONTACT_FANOUT, [orgId, ids, change.op, at]);
  } else {
    await tx.query(PERSON_FANOUT, [orgId, ids, change.op, change.mergedIntoId ?? null, at]);
  }
  const survivor = change.mergedIntoId;
  if (survivor) await tx.query(PERSON_FANOUT, [orgId, [survivor], "upsert", null, at]);
  if (change.entityType === "person" && (survivor || change.includeContacts)) {
    const since = new Date(at.getTime() - RECENT_CONTACT_DAYS * 86_400_000);
    await tx.query(CONTACTS_OF_PERSONS, [orgId, survivor ? [survivor, ...ids] : ids, at, since]);
  }
}
