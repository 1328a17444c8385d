// The idempotent push. A mutation commits together with the record of its answer (sync_mutations), so
// "applied" and "answered the same way next time" commit as one. A second delivery of the id returns
// the stored answer; the id with another payload is refused and kept for review. A mutation that
// cannot apply gets its own problem and blocks no other. Runs of plain new contacts (the bulk of a
// queue filled offline) go in one transaction per run with multi-row writes (contacts-bulk.ts);
// everything else, and any run the bulk path cannot take whole, runs one transaction per mutation.
import { createHash } from "node:crypto";
import type {
  MutationOutcome,
  MutationProblem,
  MutationResult,
  PushBody,
  PushView,
  SyncMutation,
} from "@vindplaats/contracts";
import { uuidv7 } from "@vindplaats/domain";
import type { FastifyBaseLogger } from "fastify";
import type { Clock } from "../../clock.ts";
import type { Database, Tx } from "../../db/database.ts";
import type { Actor, Ctx } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { canonical } from "../audit/chain.ts";
import { type PlainContact, registerContactsBulk } from "../contacts/contacts-bulk.ts";
import { applyMutation, plainContactOf } from "./apply.ts";
import { checkDevice } from "./devices.service.ts";
import * as repo from "./sync.repo.ts";
import { FutureFormatError } from "./upgrade.ts";

export interface PushDeps {
  db: Database;
  clock: Clock;
  log: FastifyBaseLogger;
}

export const payloadHash = (m: Pick<SyncMutation, "kind" | "formatVersion" | "payload">) =>
  createHash("sha256")
    .update(canonical({ kind: m.kind, formatVersion: m.formatVersion, payload: m.payload }))
    .digest("hex");

const PG_PROBLEMS: Record<string, number> = { "23505": 409, "23503": 422, "22P02": 422, "22007": 422, "22008": 422 };

/** The problem of a failure the phone cannot fix by retrying; null when it might pass later. */
function permanentProblem(error: unknown): MutationProblem | null {
  if (error instanceof AppError) {
    if (error.status >= 500) return null;
    return { status: error.status, key: error.key, errors: error.issues.map((i) => ({ field: i.field, key: i.key })) };
  }
  const status = PG_PROBLEMS[(error as { code?: string } | null)?.code ?? ""];
  if (status) return { status, key: status === 409 ? "conflict" : "validation", errors: [] };
  return null;
}

interface Stored {
  outcome?: MutationResult["outcome"];
  problem?: MutationProblem;
}

/** At most this many contacts per bulk transaction: the organisation's writer lock is held until commit. */
const BULK_RUN = 100;

type InTx = <T>(fn: (ctx: Ctx) => Promise<T>) => Promise<T>;

export async function pushMutations(deps: PushDeps, actor: Actor, body: PushBody): Promise<PushView> {
  const teamIds = actor.memberships.map((m) => m.teamId);
  const inTx: InTx = (fn) =>
    deps.db.transaction({ orgId: actor.orgId, userId: actor.userId, teamIds, now: deps.clock.now() }, (tx: Tx) =>
      fn({ actor, tx, clock: deps.clock }),
    );
  // One look for the whole batch at what was answered before (a phone resending after a lost answer).
  const { wipe, known } = await inTx(async (ctx) => ({
    wipe: (await checkDevice(ctx, body.deviceId)).wipe,
    known: new Set(
      await repo.storedMutationIds(
        ctx.tx,
        body.mutations.map((m) => m.id),
      ),
    ),
  }));
  if (wipe) return { wipe: true, results: [] };
  const deviceId = body.deviceId ?? null;
  const ms = body.mutations;
  const results: MutationResult[] = [];
  let halted = false;
  let bulk = true;
  for (let i = 0; i < ms.length; ) {
    // Later mutations may depend on one that must be retried (a contact naming a new person): keep the order.
    if (halted) {
      results.push(retry(ms[i]!.id, null));
      i++;
      continue;
    }
    const run = bulk ? plainRun(actor, ms, i, known) : [];
    if (run.length) {
      const applied = await pushPlainRun(deps, inTx, actor, deviceId, run);
      // A run that fails whole (a concurrent second delivery, say) goes one by one from here on.
      if (!applied.length) bulk = false;
      for (const r of applied) {
        known.add(r.id);
        results.push(r);
      }
      i += applied.length;
      if (applied.length) continue;
    }
    const m = ms[i]!;
    const result = await pushOne(deps, inTx, actor, deviceId, m, known.has(m.id));
    halted = result.status === "retry";
    if (!halted) known.add(m.id);
    results.push(result);
    i++;
  }
  return { wipe: false, results };
}

/** The plain new contacts from `start` on that the bulk path may take: unseen ids, each once. */
function plainRun(actor: Actor, ms: readonly SyncMutation[], start: number, known: ReadonlySet<string>) {
  const run: { m: SyncMutation; body: PlainContact }[] = [];
  const ids = new Set<string>();
  for (let j = start; j < ms.length && run.length < BULK_RUN; j++) {
    const m = ms[j]!;
    if (known.has(m.id) || ids.has(m.id)) break;
    const body = plainContactOf({ actor }, m);
    if (!body || ids.has(body.id)) break;
    ids.add(m.id).add(body.id);
    run.push({ m, body });
  }
  return run;
}

/** Registers the leading part of the run that passes every check, with its answers, in one transaction. */
async function pushPlainRun(
  deps: PushDeps,
  inTx: InTx,
  actor: Actor,
  deviceId: string | null,
  run: readonly { m: SyncMutation; body: PlainContact }[],
): Promise<MutationResult[]> {
  try {
    return await inTx(async (ctx) => {
      const count = await registerContactsBulk(
        ctx,
        run.map((r) => r.body),
      );
      const done = run.slice(0, count).map(({ m, body }) => {
        const outcome: MutationOutcome = { entityType: "contact", entityId: body.id, version: 1, conflict: false };
        return { m, outcome };
      });
      await repo.insertMutations(
        ctx.tx,
        done.map(({ m, outcome }) => ({
          id: m.id,
          orgId: actor.orgId,
          userId: actor.userId,
          deviceId,
          kind: m.kind,
          formatVersion: m.formatVersion,
          hash: payloadHash(m),
          status: "applied",
          response: { outcome },
          at: ctx.clock.now(),
        })),
      );
      return done.map(({ m, outcome }) => ({
        id: m.id,
        status: "applied" as const,
        replayed: false,
        outcome,
        problem: null,
      }));
    });
  } catch (error) {
    deps.log.warn(
      { err: { name: (error as Error)?.name, code: (error as { code?: string })?.code } },
      "sync bulk run failed; applying one by one",
    );
    return [];
  }
}

const retry = (id: string, problem: MutationProblem | null): MutationResult => ({
  id,
  status: "retry",
  replayed: false,
  outcome: null,
  problem,
});

async function pushOne(
  deps: PushDeps,
  inTx: InTx,
  actor: Actor,
  deviceId: string | null,
  m: SyncMutation,
  known: boolean,
): Promise<MutationResult> {
  const hash = payloadHash(m);
  const record = (ctx: Ctx, status: "applied" | "rejected", response: Stored) =>
    repo.insertMutation(ctx.tx, {
      id: m.id,
      orgId: actor.orgId,
      userId: actor.userId,
      deviceId,
      kind: m.kind,
      formatVersion: m.formatVersion,
      hash,
      status,
      response,
      at: ctx.clock.now(),
    });
  const seen = async (ctx: Ctx) => {
    const stored = await repo.getMutation(ctx.tx, m.id);
    return stored ? replay(ctx, stored, m, hash, deviceId) : null;
  };
  try {
    return await inTx(async (ctx) => {
      // A new id is applied without a lock: a concurrent second delivery applies in its own
      // transaction, fails on the mutation's primary key (or its record's) once the first commits,
      // rolls back whole and is answered from the stored record below.
      const earlier = known ? await seen(ctx) : null;
      if (earlier) return earlier;
      const outcome = await applyMutation(ctx, m);
      await record(ctx, "applied", { outcome });
      return { id: m.id, status: "applied", replayed: false, outcome, problem: null };
    });
  } catch (error) {
    if (error instanceof FutureFormatError)
      return retry(m.id, {
        status: 422,
        key: "validation",
        errors: [{ field: "formatVersion", key: "field.too_big" }],
      });
    const problem = permanentProblem(error);
    if (!problem) {
      // Never the message: database errors can quote what a worker typed.
      deps.log.error(
        { err: { name: (error as Error)?.name, code: (error as { code?: string })?.code }, kind: m.kind },
        "sync mutation failed",
      );
      return retry(m.id, { status: 500, key: "internal", errors: [] });
    }
    // Keep the refusal, so the same mutation sent again gets the same answer.
    try {
      return await inTx(async (ctx) => {
        const earlier = await seen(ctx);
        if (earlier) return earlier;
        await record(ctx, "rejected", { problem });
        return { id: m.id, status: "rejected", replayed: false, outcome: null, problem };
      });
    } catch {
      return (
        (await inTx(seen).catch(() => null)) ?? {
          id: m.id,
          status: "rejected",
          replayed: false,
          outcome: null,
          problem,
        }
      );
    }
  }
}

async function replay(
  ctx: Ctx,
  stored: repo.MutationRow,
  m: SyncMutation,
  hash: string,
  deviceId: string | null,
): Promise<MutationResult> {
  if (stored.payload_hash === hash && stored.user_id === ctx.actor.userId) {
    const response = stored.response as Stored;
    return {
      id: m.id,
      status: stored.status,
      replayed: true,
      outcome: response.outcome ?? null,
      problem: response.problem ?? null,
    };
  }
  await repo.insertReview(ctx.tx, {
    id: uuidv7(),
    orgId: ctx.actor.orgId,
    mutationId: m.id,
    userId: ctx.actor.userId,
    deviceId,
    payload: { kind: m.kind, formatVersion: m.formatVersion, payload: m.payload },
    reason: stored.user_id === ctx.actor.userId ? "payload_mismatch" : "id_taken",
    at: ctx.clock.now(),
  });
  return {
    id: m.id,
    status: "refused",
    replayed: false,
    outcome: null,
    problem: { status: 409, key: "conflict", errors: [{ field: "id", key: "field.invalid" }] },
  };
}
