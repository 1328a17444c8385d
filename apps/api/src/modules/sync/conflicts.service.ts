// What a coordinator reviews after phones synced: person edits that overwrote a value the editor had
// not seen (the overwritten value is in the history entry), and mutations refused because their id
// came back with another payload.
import type { ConflictView } from "@vindplaats/contracts";
import { unsealDeep } from "../../crypto/fields.ts";
import { openPayload } from "../../crypto/sealed-columns.ts";
import type { Ctx } from "../../http/context.ts";
import { notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { isCoordinatorOf } from "../persons/scope.ts";

interface ConflictRow {
  kind: ConflictView["kind"];
  id: string;
  at: Date;
  user_id: string | null;
  user_name: string | null;
  person_id: string | null;
  nickname: string | null;
  details: Record<string, unknown>;
  resolved_at: Date | null;
}

const SELECT = `
  SELECT * FROM (
    SELECT 'person_edit' AS kind, h.id, h.at, h.actor_user_id AS user_id, u.display_name AS user_name, h.person_id,
           p.nickname, h.changes AS details, NULL::timestamptz AS resolved_at
      FROM person_history h JOIN persons p ON p.id = h.person_id LEFT JOIN users u ON u.id = h.actor_user_id
     WHERE h.action = 'updated_conflict'
       AND (p.owner_team_id = ANY($1::uuid[]) OR EXISTS (SELECT 1 FROM person_teams pt WHERE pt.person_id = p.id AND pt.team_id = ANY($1::uuid[])))
    UNION ALL
    SELECT 'refused_mutation', r.id, r.received_at, r.user_id, u.display_name, NULL, NULL, r.payload, r.resolved_at
      FROM sync_review r JOIN users u ON u.id = r.user_id
     WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = r.user_id AND m.team_id = ANY($1::uuid[]) AND m.is_active)
  ) x`;

const present = (r: ConflictRow): ConflictView => ({
  kind: r.kind,
  id: r.id,
  at: new Date(r.at).toISOString(),
  userId: r.user_id,
  userName: r.user_name,
  personId: r.person_id,
  nickname: r.nickname,
  // Overwritten values and refused payloads are sealed at rest.
  details: (r.kind === "refused_mutation" ? openPayload(r.details) : unsealDeep(r.details)) as Record<string, unknown>,
  resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
});

const coordinatedTeams = (ctx: Ctx) =>
  ctx.actor.memberships.filter((m) => isCoordinatorOf(ctx.actor, m.teamId)).map((m) => m.teamId);

export async function listConflicts(ctx: Ctx, open: boolean): Promise<ConflictView[]> {
  const rows = await ctx.tx.query<ConflictRow>(
    `${SELECT} WHERE NOT $2 OR x.resolved_at IS NULL ORDER BY x.at DESC, x.id DESC LIMIT 500`,
    [coordinatedTeams(ctx), open],
  );
  return rows.map(present);
}

/** Marks a refused mutation as dealt with (the coordinator re-entered or discarded it). */
export async function resolveReview(ctx: Ctx, id: string): Promise<ConflictView> {
  const found = await ctx.tx.query<ConflictRow>(`${SELECT} WHERE x.kind = 'refused_mutation' AND x.id = $2`, [
    coordinatedTeams(ctx),
    id,
  ]);
  if (!found[0]) throw notFound();
  await ctx.tx.query(
    `UPDATE sync_review SET resolved_at = coalesce(resolved_at, $2), resolved_by = coalesce(resolved_by, $3) WHERE id = $1`,
    [id, ctx.clock.now(), ctx.actor.userId],
  );
  await audit(ctx, { action: "sync.review_resolved", entityType: "sync_review", entityId: id });
  return present((await ctx.tx.query<ConflictRow>(`${SELECT} WHERE x.id = $2`, [coordinatedTeams(ctx), id]))[0]!);
}
