// Sharing a person's record with another team or a partner, on a recorded basis. A revocation
// takes effect on the next request: access is resolved from this table every time.

import type { createShareBody } from "@vindplaats/contracts";
import { brusselsToInstant, uuidv7 } from "@vindplaats/domain";
import type { z } from "zod";
import type { Ctx } from "../../http/context.ts";
import { conflict, invalidField, notFound } from "../../http/errors.ts";
import type { FieldClass } from "../access/record-policy.ts";
import { audit } from "../audit/audit.service.ts";
import { requirePersonAccess } from "../persons/person-access.ts";
import { recordChange } from "../sync/changes.ts";

type ShareBody = z.infer<typeof createShareBody>;

interface ShareRow {
  id: string;
  person_id: string;
  from_team_id: string;
  to_team_id: string | null;
  to_user_id: string | null;
  field_classes: string[];
  basis: string;
  consent_given_on: string | null;
  consent_scope: string | null;
  consent_how: string | null;
  justification: string | null;
  expires_at: Date | null;
  created_at: Date;
  revoked_at: Date | null;
}

export const presentShare = (s: ShareRow) => ({
  id: s.id,
  personId: s.person_id,
  fromTeamId: s.from_team_id,
  toTeamId: s.to_team_id,
  toUserId: s.to_user_id,
  fieldClasses: s.field_classes as ("profile" | "identity" | "sensitive" | "notes")[],
  basis: s.basis,
  consentGivenOn: s.consent_given_on,
  consentScope: s.consent_scope,
  consentHow: s.consent_how,
  justification: s.justification,
  expiresAt: s.expires_at?.toISOString() ?? null,
  createdAt: s.created_at.toISOString(),
  revokedAt: s.revoked_at?.toISOString() ?? null,
});

export async function sharePerson(ctx: Ctx, personId: string, body: ShareBody) {
  const access = await requirePersonAccess(ctx, personId, "write");
  const fromTeamId = access.person.owner_team_id;
  if (body.toTeamId) {
    const team = await ctx.tx.query(`SELECT 1 FROM teams WHERE id = $1 AND is_active`, [body.toTeamId]);
    if (!team.length) throw invalidField("toTeamId", "field.not_found");
    if (ctx.actor.memberships.some((m) => m.teamId === body.toTeamId)) throw invalidField("toTeamId", "field.invalid");
  }
  if (body.toUserId) {
    const user = await ctx.tx.query(`SELECT 1 FROM users WHERE id = $1 AND is_active AND 'partner' = ANY(org_roles)`, [
      body.toUserId,
    ]);
    if (!user.length) throw invalidField("toUserId", "field.not_found");
  }
  const today = ctx.clock.now();
  const expiresAt = body.basis.expiresOn ? brusselsToInstant(body.basis.expiresOn, "23:59") : null;
  if (expiresAt && expiresAt <= today) throw invalidField("basis.expiresOn", "field.in_past");
  if (body.basis.kind === "consent" && brusselsToInstant(body.basis.givenOn) > today)
    throw invalidField("basis.givenOn", "field.in_future");
  const id = uuidv7();
  const b = body.basis;
  await ctx.tx.query(
    `INSERT INTO person_shares (id, org_id, person_id, from_team_id, to_team_id, to_user_id, field_classes, basis,
                                consent_given_on, consent_scope, consent_how, justification, expires_at, created_at, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
    [
      id,
      ctx.actor.orgId,
      personId,
      fromTeamId,
      body.toTeamId ?? null,
      body.toUserId ?? null,
      [...new Set(body.fieldClasses)],
      b.kind,
      b.kind === "consent" ? b.givenOn : null,
      b.kind === "consent" ? b.scope : null,
      b.kind === "consent" ? b.how : null,
      b.kind === "shared_secrecy" ? b.justification : null,
      expiresAt,
      today,
      ctx.actor.userId,
    ],
  );
  await recordChange(ctx, {
    entityType: "person",
    entityId: personId,
    op: "upsert",
    teamId: body.toTeamId ?? null,
    userId: body.toUserId ?? null,
  });
  await audit(ctx, {
    action: "person.shared",
    entityType: "person",
    entityId: personId,
    details: {
      shareId: id,
      toTeamId: body.toTeamId ?? null,
      toUserId: body.toUserId ?? null,
      fieldClasses: body.fieldClasses,
      basis: b.kind,
    },
  });
  return presentShare((await ctx.tx.query<ShareRow>(`SELECT * FROM person_shares WHERE id = $1`, [id]))[0]!);
}

export async function listShares(ctx: Ctx, personId: string) {
  await requirePersonAccess(ctx, personId, "write");
  const rows = await ctx.tx.query<ShareRow>(
    `SELECT * FROM person_shares WHERE person_id = $1 ORDER BY created_at DESC`,
    [personId],
  );
  return rows.map(presentShare);
}

export async function revokeShare(ctx: Ctx, shareId: string) {
  const share = (await ctx.tx.query<ShareRow>(`SELECT * FROM person_shares WHERE id = $1`, [shareId]))[0];
  if (!share) throw notFound();
  await requirePersonAccess(ctx, share.person_id, "write");
  if (share.revoked_at) throw conflict("invalid_transition", "id");
  await ctx.tx.query(`UPDATE person_shares SET revoked_at = $2, revoked_by = $3 WHERE id = $1`, [
    shareId,
    ctx.clock.now(),
    ctx.actor.userId,
  ]);
  await recordChange(ctx, {
    entityType: "person",
    entityId: share.person_id,
    op: "revoke",
    teamId: share.to_team_id,
    userId: share.to_user_id,
  });
  await audit(ctx, {
    action: "person.share_revoked",
    entityType: "person",
    entityId: share.person_id,
    details: { shareId },
  });
  return presentShare((await ctx.tx.query<ShareRow>(`SELECT * FROM person_shares WHERE id = $1`, [shareId]))[0]!);
}

/** Persons shared with the caller's teams or the caller (a partner's worklist). */
export async function sharedWithMe(ctx: Ctx) {
  const teamIds = ctx.actor.memberships.map((m) => m.teamId);
  return ctx.tx
    .query<{ id: string; nickname: string; fieldClasses: FieldClass[]; expiresAt: Date | null }>(
      `SELECT p.id, p.nickname, s.field_classes AS "fieldClasses", s.expires_at AS "expiresAt"
       FROM person_shares s JOIN persons p ON p.id = s.person_id
      WHERE s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > $3)
        AND (s.to_team_id = ANY($1::uuid[]) OR s.to_user_id = $2)
      ORDER BY p.nickname`,
      [teamIds, ctx.actor.userId, ctx.clock.now()],
    )
    .then((rows) => rows.map((r) => ({ ...r, expiresAt: r.expiresAt ? new Date(r.expiresAt).toISOString() : null })));
}
