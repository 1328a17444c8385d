// The case page: the case, its complaints (who complained only as a relation), households, home
// visits, actions, assignments, status history, the household's path across addresses, and one
// history that puts all of it in order. Reading it is an accountable act.
import type { CasePage } from "@vindplaats/contracts";
import { brusselsDay, formatAddress } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { audit } from "../audit/audit.service.ts";
import { contentTeamIds } from "../persons/scope.ts";
import { listReferrals } from "../referrals/referrals.service.ts";
import { listTasks } from "../tasks/tasks.service.ts";
import { presentComplaint } from "./case-complaints.ts";
import * as parts from "./case-parts.repo.ts";
import * as repo from "./cases.repo.ts";
import { requireCase } from "./cases.service.ts";
import { presentCase } from "./present.ts";

type Entry = CasePage["history"][number];
const iso = (d: Date | string) => new Date(d).toISOString();

export async function getCasePage(ctx: Ctx, id: string): Promise<CasePage> {
  const c = await requireCase(ctx, id);
  const teamIds = contentTeamIds(ctx.actor);
  const complaints = await parts.listComplaints(ctx.tx, id);
  const complainants = await parts.listComplainants(ctx.tx, id);
  const households = await parts.listHouseholds(ctx.tx, id);
  const visits = await parts.listVisits(ctx.tx, id);
  const actions = await parts.listActions(ctx.tx, id);
  const assignments = await repo.assignments(ctx.tx, id);
  const statuses = await repo.statusHistory(ctx.tx, id);
  const pathRows = await repo.casePath(ctx.tx, id, teamIds);
  const referrals = await listReferrals(ctx, { caseId: id });
  const tasks = await listTasks(ctx, { caseId: id, state: "all" });
  const addressOf = (caseId: string | null) => {
    const p = pathRows.find((r) => r.id === caseId);
    return p
      ? formatAddress({ street: p.street, houseNumber: p.house_number, box: p.box, postcode: p.postcode })
      : null;
  };

  const history: Entry[] = [];
  const add = (
    day: string,
    at: Date | string,
    kind: Entry["kind"],
    refId: string | null,
    actorUserId: string | null,
    summary: Entry["summary"] = {},
  ) => history.push({ day, at: iso(at), kind, caseId: id, refId, actorUserId, summary });
  for (const s of statuses) {
    if (s.status === "open" && c.previous_case_id)
      add(s.effective_on, s.at, "moved_from", c.previous_case_id, s.actor_user_id, {
        address: addressOf(c.previous_case_id),
      });
    else if (s.status === "open")
      add(s.effective_on, s.at, "opened", null, s.actor_user_id, { intakeChannel: c.intake_channel });
    else if (s.status === "active") add(s.effective_on, s.at, "activated", null, s.actor_user_id, { reason: s.reason });
    else if (s.reason === "moved" && c.next_case_id)
      add(s.effective_on, s.at, "moved_to", c.next_case_id, s.actor_user_id, { address: addressOf(c.next_case_id) });
    else add(s.effective_on, s.at, "closed", null, s.actor_user_id, { reason: s.reason });
  }
  for (const a of assignments)
    add(brusselsDay(a.started_at), a.started_at, "assigned", a.assignee_id, a.assigned_by, {
      assigneeName: a.assignee_name,
      how: a.how,
    });
  for (const k of complaints) {
    add(k.received_on, k.received_on, "complaint", k.id, null, {
      theme: k.theme,
      source: k.source,
      complainantRelation: k.complainant_relation,
    });
    if (k.resolved_on) add(k.resolved_on, k.resolved_on, "complaint_resolved", k.id, null, { theme: k.theme });
  }
  for (const v of visits)
    add(brusselsDay(v.started_at), v.started_at, "visit", v.contact_id, v.created_by, {
      durationMinutes: v.duration_minutes,
    });
  for (const a of actions)
    add(a.action_on, a.created_at, "action", a.id, a.created_by, {
      serviceCode: a.service_code,
      description: a.description,
    });
  for (const h of households)
    add(h.since, h.since, "household", h.household_id, null, { name: h.name, until: h.until });
  for (const r of referrals)
    add(r.proposed_on, r.created_at, "referral", r.id, r.created_by, { serviceCode: r.service_code, status: r.status });
  for (const t of tasks)
    add(brusselsDay(new Date(t.createdAt)), t.createdAt, "task", t.id, t.createdBy, {
      title: t.title,
      dueOn: t.dueOn,
      done: !!t.doneAt,
    });
  history.sort((a, b) => (a.day === b.day ? b.at.localeCompare(a.at) : b.day.localeCompare(a.day)));

  await audit(ctx, { action: "case.read", entityType: "case", entityId: id });
  return {
    case: presentCase(c),
    complaints: complaints.map(presentComplaint),
    complainantCount: complainants.length,
    households: households.map((h) => ({ householdId: h.household_id, name: h.name, since: h.since, until: h.until })),
    visits: visits.map((v) => ({
      contactId: v.contact_id,
      startedAt: iso(v.started_at),
      durationMinutes: v.duration_minutes,
      workerIds: v.worker_ids,
      personCount: v.person_count + v.anonymous_total,
      note: v.note,
    })),
    actions: actions.map((a) => ({
      id: a.id,
      serviceCode: a.service_code,
      actionOn: a.action_on,
      description: a.description,
    })),
    assignments: assignments.map((a) => ({
      assigneeId: a.assignee_id,
      assigneeName: a.assignee_name,
      how: a.how,
      reason: a.reason,
      startedAt: iso(a.started_at),
      endedAt: a.ended_at ? iso(a.ended_at) : null,
    })),
    statusHistory: statuses.map((s) => ({
      status: s.status,
      reason: s.reason,
      effectiveOn: s.effective_on,
      at: iso(s.at),
    })),
    path: pathRows.map((p) => ({
      caseId: p.id,
      address: formatAddress({ street: p.street, houseNumber: p.house_number, box: p.box, postcode: p.postcode }),
      neighbourhoodName: p.neighbourhood_name,
      isOutside: p.is_outside,
      status: p.status,
      openedOn: p.opened_on,
      closedOn: p.closed_on,
      closeReason: p.close_reason,
      isThis: p.id === id,
    })),
    history,
  };
}
