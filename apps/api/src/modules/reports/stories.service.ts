// Quotes workers mark for the yearly report. A quote is stored only anonymised (the person's
// nickname and name, and any other names given, taken out) and only with the person's consent
// recorded: when, how and for what. Withdrawing consent takes it out of every later report.
import type { CreateStoryBody, StoryView } from "@vindplaats/contracts";
import { brusselsDay, removeNames, uuidv7 } from "@vindplaats/domain";
import type { Ctx } from "../../http/context.ts";
import { conflict, invalidField, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { requireContact } from "../contacts/contacts.service.ts";
import { requirePersonAccess } from "../persons/person-access.ts";
import { contentTeamIds, requireOwnTeam } from "../persons/scope.ts";
import * as repo from "./stories.repo.ts";

export const presentStory = (s: repo.StoryRow): StoryView => ({
  id: s.id,
  teamId: s.team_id,
  year: s.year,
  quote: s.quote,
  namesRemoved: s.names_removed,
  consentGivenOn: s.consent_given_on,
  consentHow: s.consent_how,
  consentScope: s.consent_scope,
  createdAt: new Date(s.created_at).toISOString(),
  createdBy: s.created_by,
  withdrawnAt: s.withdrawn_at ? new Date(s.withdrawn_at).toISOString() : null,
});

export async function createStory(ctx: Ctx, body: CreateStoryBody): Promise<StoryView> {
  requireOwnTeam(ctx.actor, body.teamId);
  const today = brusselsDay(ctx.clock.now());
  if (body.consent.givenOn > today) throw invalidField("consent.givenOn", "field.in_future");
  const access = await requirePersonAccess(ctx, body.personId, "write").catch(() => {
    throw invalidField("personId", "field.not_found");
  });
  if (body.contactId) {
    await requireContact(ctx, body.contactId).catch(() => {
      throw invalidField("contactId", "field.not_found");
    });
  }
  const { person } = access;
  const names = [person.nickname, person.full_name ?? "", ...body.extraNames].filter(Boolean);
  const anonymised = removeNames(body.quote, names);
  const row = {
    id: uuidv7(),
    org_id: ctx.actor.orgId,
    team_id: body.teamId,
    person_id: person.id,
    contact_id: body.contactId ?? null,
    year: body.year ?? Number(today.slice(0, 4)),
    quote: anonymised.text,
    names_removed: anonymised.removed,
    consent_given_on: body.consent.givenOn,
    consent_how: body.consent.how,
    consent_scope: body.consent.scope,
    created_at: ctx.clock.now(),
    created_by: ctx.actor.userId,
  };
  await repo.insertStory(ctx.tx, row);
  await audit(ctx, {
    action: "story.created",
    entityType: "story",
    entityId: row.id,
    details: { teamId: row.team_id, year: row.year, namesRemoved: row.names_removed, consentHow: row.consent_how },
  });
  return presentStory({ ...row, withdrawn_at: null });
}

export async function listStories(ctx: Ctx, q: { year?: number | undefined; teamId?: string | undefined }) {
  if (q.teamId) requireOwnTeam(ctx.actor, q.teamId);
  const rows = await repo.listStories(ctx.tx, q.teamId ? [q.teamId] : contentTeamIds(ctx.actor), q.year ?? null);
  return rows.map(presentStory);
}

export async function withdrawStory(ctx: Ctx, id: string, reason: string): Promise<StoryView> {
  const story = await repo.getStory(ctx.tx, id);
  if (!story || !contentTeamIds(ctx.actor).includes(story.team_id)) throw notFound();
  if (story.withdrawn_at) throw conflict("invalid_transition", "id");
  const now = ctx.clock.now();
  await repo.withdrawStory(ctx.tx, id, now, ctx.actor.userId, reason);
  await audit(ctx, { action: "story.withdrawn", entityType: "story", entityId: id });
  return presentStory({ ...story, withdrawn_at: now });
}
