// Coordinator lists: filtered, keyset-paginated contacts of the caller's teams.
import type { ContactFilters } from "@vindplaats/contracts";
import type { Ctx } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { contentTeamIds, requireOwnTeam } from "../persons/scope.ts";
import * as repo from "./contacts.repo.ts";
import { presentContact } from "./present.ts";

const encode = (c: repo.ContactRow) =>
  Buffer.from(JSON.stringify([c.started_at.toISOString(), c.id])).toString("base64url");
function decode(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as [string, string];
    const date = new Date(at);
    if (!Number.isNaN(date.getTime()) && /^[0-9a-f-]{36}$/.test(id)) return { at: date, id };
  } catch {}
  throw new AppError(400, "validation", [{ field: "cursor", key: "field.invalid" }]);
}

export function scopeTeams(ctx: Ctx, f: ContactFilters): string[] {
  if (f.teamId) requireOwnTeam(ctx.actor, f.teamId);
  if (f.from && f.to && f.from > f.to) throw new AppError(400, "validation", [{ field: "to", key: "field.too_small" }]);
  return contentTeamIds(ctx.actor);
}

export async function listContacts(ctx: Ctx, q: ContactFilters & { cursor?: string | undefined; limit: number }) {
  const teamIds = scopeTeams(ctx, q);
  const rows = await repo.listContacts(ctx.tx, q, teamIds, {
    after: q.cursor ? decode(q.cursor) : null,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const filters = Object.entries(q)
    .filter(([k, v]) => v !== undefined && k !== "limit" && k !== "cursor")
    .map(([k]) => k);
  await audit(ctx, {
    action: "contacts.listed",
    entityType: "contact",
    entityId: null,
    details: { results: page.length, filters },
  });
  // Lists never carry notes: a note is read on the contact itself, where the read is accountable.
  return {
    items: page.map((c) => presentContact(c, false)),
    nextCursor: rows.length > q.limit ? encode(page.at(-1)!) : null,
  };
}
