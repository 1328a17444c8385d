// How the actor stands to a person record (relation) and which field classes that allows.
import type { Ctx } from "../../http/context.ts";
import { forbidden, notFound } from "../../http/errors.ts";
import { rolesOf } from "../access/policy.ts";
import { allowedFieldClasses, type FieldClass, type RecordAction, type Relation } from "../access/record-policy.ts";
import { requireNotFrozen } from "../subject-rights/restriction.ts";
import * as repo from "./persons.repo.ts";
import { contentTeamIds } from "./scope.ts";

export interface PersonAccess {
  person: repo.PersonRow;
  relation: Relation;
  read: Set<FieldClass>;
  write: Set<FieldClass>;
}

interface ShareRow {
  field_classes: FieldClass[];
  revoked_at: Date | null;
  expires_at: Date | null;
}

export async function resolvePersonAccess(ctx: Ctx, id: string): Promise<PersonAccess | null> {
  const person = await repo.getPerson(ctx.tx, id);
  if (!person) return null;
  const teamIds = contentTeamIds(ctx.actor);
  const now = ctx.clock.now();
  let relation: Relation | null = null;
  let shared: FieldClass[] = [];
  if (person.created_by === ctx.actor.userId && teamIds.includes(person.owner_team_id)) relation = "own";
  else if (teamIds.includes(person.owner_team_id) || (await repo.personKnownByTeams(ctx.tx, id, teamIds)))
    relation = "same_team";
  if (!relation) {
    const shares = await ctx.tx.query<ShareRow>(
      `SELECT field_classes, revoked_at, expires_at FROM person_shares
        WHERE person_id = $1 AND (to_team_id = ANY($2::uuid[]) OR to_user_id = $3) ORDER BY created_at DESC`,
      [id, teamIds, ctx.actor.userId],
    );
    const active = shares.filter((s) => !s.revoked_at && (!s.expires_at || s.expires_at > now));
    if (active.length) {
      relation = "shared";
      shared = [...new Set(active.flatMap((s) => s.field_classes))];
    } else if (shares.length) relation = shares[0]!.revoked_at ? "share_revoked" : "share_expired";
  }
  if (!relation || relation === "share_revoked" || relation === "share_expired") {
    const glass = await ctx.tx.query(
      `SELECT 1 FROM break_glass WHERE person_id = $1 AND user_id = $2 AND expires_at > $3`,
      [id, ctx.actor.userId, now],
    );
    if (glass.length) relation = "break_glass";
  }
  if (!relation) return null;
  const roles = rolesOf(ctx.actor);
  return {
    person,
    relation,
    read: allowedFieldClasses(roles, relation, "read", shared),
    write: allowedFieldClasses(roles, relation, "write", shared),
  };
}

/**
 * The person if the actor may do `action` on it; 404 when it may not even be read. A restricted
 * (GDPR art. 18) or anonymised record refuses every write with its own message.
 */
export async function requirePersonAccess(ctx: Ctx, id: string, action: RecordAction = "read"): Promise<PersonAccess> {
  const access = await resolvePersonAccess(ctx, id);
  if (!access || access.read.size === 0) throw notFound();
  if (action === "write" && !access.write.has("profile")) throw forbidden();
  if (action === "write") await requireNotFrozen(ctx, [id]);
  return access;
}
