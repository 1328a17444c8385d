// The person page: profile, the teams that also know the person (never their content) and a
// timeline of what the caller's teams recorded: contacts, referrals, notes, identity steps, merges.
import { unseal } from "../../crypto/fields.ts";
import type { Ctx } from "../../http/context.ts";
import { audit } from "../audit/audit.service.ts";
import { requirePersonAccess } from "./person-access.ts";
import * as repo from "./persons.repo.ts";
import { presentPerson } from "./present.ts";
import { contentTeamIds } from "./scope.ts";

interface TimelineRow {
  kind: "contact" | "referral" | "note" | "identity" | "merge" | "task";
  id: string;
  at: Date;
  teamId: string | null;
  summary: Record<string, unknown>;
}

export async function getPersonPage(ctx: Ctx, id: string) {
  const access = await requirePersonAccess(ctx, id, "read");
  const teamIds = contentTeamIds(ctx.actor);
  const notes = access.read.has("notes");
  const known = await repo.teamsKnowing(ctx.tx, [id]);
  const timeline = await ctx.tx.query<TimelineRow>(
    `SELECT * FROM (
       SELECT 'contact' AS kind, c.id, c.started_at AS at, c.team_id AS "teamId",
              jsonb_build_object('durationMinutes', c.duration_minutes, 'placeId', c.place_id, 'lifeDomains', c.life_domains,
                                 'actions', c.actions, 'mode', c.mode, 'note', c.note) AS summary
         FROM contact_persons cp JOIN contacts c ON c.id = cp.contact_id
        WHERE cp.person_id = $1 AND c.team_id = ANY($2::uuid[]) AND NOT c.is_removed
       UNION ALL
       SELECT 'referral', r.id, r.created_at, r.team_id,
              jsonb_build_object('serviceCode', r.service_code, 'status', r.status, 'accompanied', r.accompanied)
         FROM referrals r WHERE r.person_id = $1 AND r.team_id = ANY($2::uuid[])
       UNION ALL
       SELECT 'note', n.id, n.created_at, n.team_id, jsonb_build_object('body', n.body, 'authorId', n.created_by)
         FROM person_notes n WHERE n.person_id = $1 AND $3 AND (n.team_id = ANY($2::uuid[]) OR $4)
       UNION ALL
       SELECT 'task', t.id, t.created_at, t.team_id, jsonb_build_object('title', t.title, 'dueOn', t.due_on, 'done', t.done_at IS NOT NULL)
         FROM tasks t WHERE t.person_id = $1 AND t.team_id = ANY($2::uuid[])
       UNION ALL
       SELECT CASE WHEN h.action LIKE 'merge%' OR h.action LIKE 'unmerge%' THEN 'merge' ELSE 'identity' END, h.id, h.at, NULL,
              jsonb_build_object('action', h.action, 'actorUserId', h.actor_user_id)
         FROM person_history h WHERE h.person_id = $1 AND h.action IN ('created', 'identified', 'merged', 'merge_undone')
     ) t ORDER BY at DESC, id DESC LIMIT 200`,
    [id, teamIds, notes, access.relation === "shared" || access.relation === "break_glass"],
  );
  await audit(ctx, {
    action: "person.read",
    entityType: "person",
    entityId: id,
    details: { relation: access.relation, fieldClasses: [...access.read] },
  });
  return {
    relation: access.relation,
    person: presentPerson(access.person, access.read),
    otherTeams: known.filter((k) => !teamIds.includes(k.teamId)).map(({ personId: _p, ...rest }) => rest),
    timeline: timeline.map((t) => ({ ...t, summary: openSummary(t), at: new Date(t.at).toISOString() })),
  };
}

/** Contact notes and person notes are sealed at rest; the timeline shows them opened. */
function openSummary(t: TimelineRow): Record<string, unknown> {
  if (t.kind === "contact") return { ...t.summary, note: unseal(t.summary.note as string | null) };
  if (t.kind === "note") return { ...t.summary, body: unseal(t.summary.body as string | null) };
  return t.summary;
}
