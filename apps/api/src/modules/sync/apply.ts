// Applies one queued mutation through the same services the online screens use, so validation,
// scope, audit and history stay in one place. Each kind names its payload schema and permission.
import {
  correctContactBody,
  createContactBody,
  createNoteBody,
  createPersonBody,
  type MutationKind,
  type MutationOutcome,
  type SyncMutation,
  tallyBody,
  updatePersonBody,
} from "@vindplaats/contracts";
import { z } from "zod";
import type { Ctx } from "../../http/context.ts";
import { AppError, type FieldIssue, forbidden } from "../../http/errors.ts";
import { can, type Permission } from "../access/policy.ts";
import { correctContact } from "../contacts/contact-corrections.ts";
import { registerContact, registerTally } from "../contacts/contacts.service.ts";
import { isPlainContact, type PlainContact } from "../contacts/contacts-bulk.ts";
import { addNote, createPerson, updatePerson } from "../persons/persons.service.ts";
import { completeTask } from "../tasks/tasks.service.ts";
import { upgradePayload } from "./upgrade.ts";

const withId = { id: z.uuid() };

const contactCreate = createContactBody.extend({
  ...withId,
  newPersons: z
    .array(createPersonBody.omit({ teamId: true }).extend(withId))
    .max(20)
    .default([]),
});
const personUpdate = updatePersonBody.extend({ personId: z.uuid() });
const contactCorrect = correctContactBody.extend({ contactId: z.uuid() });
const personNote = createNoteBody.extend({ personId: z.uuid() });
const taskDone = z.object({ taskId: z.uuid() }).strict();

const contactOutcome = (c: { id: string; version: number }): MutationOutcome => ({
  entityType: "contact",
  entityId: c.id,
  version: c.version,
  conflict: false,
});

interface Handler<S extends z.ZodType> {
  permission: Permission;
  schema: S;
  run(ctx: Ctx, body: z.output<S>): Promise<MutationOutcome>;
}
const handler = <S extends z.ZodType>(h: Handler<S>) => h as unknown as Handler<z.ZodType>;

const HANDLERS: Record<MutationKind, Handler<z.ZodType>> = {
  "contact.create": handler({
    permission: "contacts.work",
    schema: contactCreate,
    run: async (ctx, body) => contactOutcome(await registerContact(ctx, body)),
  }),
  "contact.tally": handler({
    permission: "contacts.work",
    schema: tallyBody.extend(withId),
    run: async (ctx, body) => contactOutcome(await registerTally(ctx, body)),
  }),
  "contact.correct": handler({
    permission: "contacts.work",
    schema: contactCorrect,
    run: async (ctx, { contactId, ...body }) => contactOutcome(await correctContact(ctx, contactId, body)),
  }),
  "person.create": handler({
    permission: "persons.work",
    schema: createPersonBody.extend(withId),
    run: async (ctx, { teamId, ...profile }) => {
      const p = await createPerson(ctx, teamId, profile);
      return { entityType: "person", entityId: p.id, version: p.version, conflict: false };
    },
  }),
  "person.update": handler({
    permission: "persons.read",
    schema: personUpdate,
    run: async (ctx, { personId, ...body }) => {
      const before = await personVersion(ctx, personId);
      const p = await updatePerson(ctx, personId, body);
      // The rule is updatePerson's (last arrival wins, the replaced value stays in the history);
      // the phone is told when its edit overwrote one it had not seen.
      const conflict = p.version !== before && body.baseVersion !== undefined && body.baseVersion !== before;
      return { entityType: "person", entityId: p.id, version: p.version, conflict };
    },
  }),
  "person.note": handler({
    permission: "persons.work",
    schema: personNote,
    run: async (ctx, { personId, ...body }) => {
      const { id } = await addNote(ctx, personId, body);
      return { entityType: "note", entityId: id, version: 1, conflict: false };
    },
  }),
  "task.done": handler({
    permission: "cases.work",
    schema: taskDone,
    run: (ctx, { taskId }) => markTaskDone(ctx, taskId),
  }),
};

async function personVersion(ctx: Ctx, id: string): Promise<number | null> {
  const rows = await ctx.tx.query<{ version: number }>(`SELECT version FROM persons WHERE id = $1`, [id]);
  return rows[0]?.version ?? null;
}

/** Done on two phones is done once: the second is answered as applied, keeping the first time. */
async function markTaskDone(ctx: Ctx, taskId: string): Promise<MutationOutcome> {
  const outcome: MutationOutcome = { entityType: "task", entityId: taskId, version: 1, conflict: false };
  try {
    await completeTask(ctx, taskId);
  } catch (error) {
    if (!(error instanceof AppError && error.key === "invalid_transition")) throw error;
  }
  return outcome;
}

const ZOD_KEYS: Record<string, string> = {
  invalid_type: "field.invalid_type",
  too_small: "field.too_small",
  too_big: "field.too_big",
  unrecognized_keys: "field.unknown",
};

function zodIssues(error: z.ZodError, payload: Record<string, unknown>): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((k) => ({ field: [path, k].filter(Boolean).join("."), key: "field.unknown" }));
    const sent = issue.path.reduce<unknown>((at, k) => (at as Record<PropertyKey, unknown> | undefined)?.[k], payload);
    return [
      {
        field: path || "payload",
        key: path && sent === undefined ? "field.required" : (ZOD_KEYS[issue.code] ?? "field.invalid"),
      },
    ];
  });
}

/** Runs one mutation in the caller's transaction; throws AppError when it cannot apply. */
export async function applyMutation(ctx: Ctx, m: SyncMutation): Promise<MutationOutcome> {
  const h = HANDLERS[m.kind];
  if (!can(ctx.actor, h.permission)) throw forbidden();
  const payload = upgradePayload(m.kind, m.formatVersion, m.payload);
  const parsed = h.schema.safeParse(payload);
  if (!parsed.success) throw new AppError(400, "validation", zodIssues(parsed.error, payload));
  return h.run(ctx, parsed.data);
}

/**
 * The contact a contact.create mutation registers, when it is a plain one the bulk path may take
 * (permitted, valid, no new persons, referrals, follow-up or group); null sends it through applyMutation.
 */
export function plainContactOf(ctx: Pick<Ctx, "actor">, m: SyncMutation): PlainContact | null {
  if (m.kind !== "contact.create" || !can(ctx.actor, HANDLERS[m.kind].permission)) return null;
  let payload: Record<string, unknown>;
  try {
    payload = upgradePayload(m.kind, m.formatVersion, m.payload);
  } catch {
    return null;
  }
  const parsed = contactCreate.safeParse(payload);
  return parsed.success && isPlainContact(parsed.data) ? parsed.data : null;
}
