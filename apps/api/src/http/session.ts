// Server-side sessions: the cookie holds a random id, the database its hash. Resolves the actor on
// every request, then enforces each route's declared access class, permission and CSRF token.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import { type Database, enterScope } from "../db/database.ts";
import { can } from "../modules/access/policy.ts";
import { findSession, loadActor, touchSession } from "../modules/auth/auth.repo.ts";
import type { Actor } from "./context.ts";
import { sendProblem } from "./errors.ts";

export const COOKIE = "vp_session";
export const SECURE_COOKIE = "__Host-vp_session";
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const newToken = () => randomBytes(32).toString("base64url");
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

function readCookie(request: FastifyRequest): string | null {
  const value = request.cookies[SECURE_COOKIE] ?? request.cookies[COOKIE];
  return value && TOKEN_PATTERN.test(value) ? value : null;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number) {
  const secure = request.protocol === "https";
  reply.setCookie(secure ? SECURE_COOKIE : COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure,
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  const secure = request.protocol === "https";
  reply.clearCookie(secure ? SECURE_COOKIE : COOKIE, { path: "/", httpOnly: true, sameSite: "strict", secure });
}

type Resolution = { actor: Actor } | { expired: true } | null;

async function resolveActor(db: Database, clock: Clock, config: Config, token: string): Promise<Resolution> {
  const idHash = hashToken(token);
  return db.transaction({ orgId: null, userId: null }, async (tx) => {
    const session = await findSession(tx, idHash);
    if (!session || session.revoked_at) return null;
    const now = clock.now();
    const idleMs = now.getTime() - session.last_seen_at.getTime();
    if (idleMs > config.sessionIdleSeconds * 1000 || now >= session.expires_at) return { expired: true };
    await enterScope(tx, { orgId: session.org_id, userId: session.user_id });
    const row = await loadActor(tx, session.user_id);
    if (!row?.is_active) return null;
    // Writing on every request would serialise reads on one row; a minute of slack is harmless.
    if (idleMs > 60_000) await touchSession(tx, idHash, now);
    return {
      actor: {
        userId: row.id,
        orgId: row.org_id,
        email: row.email,
        displayName: row.display_name,
        locale: row.locale,
        orgRoles: row.org_roles,
        memberships: row.memberships,
        sessionIdHash: idHash,
        csrfToken: session.csrf_token,
        expiresAt: session.expires_at,
        pending: session.step,
      },
    };
  });
}

function csrfMatches(expected: string, given: unknown): boolean {
  if (typeof given !== "string" || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export function registerSessions(app: FastifyInstance, deps: { db: Database; clock: Clock; config: Config }) {
  app.decorateRequest("actor", null);
  const expired = new WeakSet<FastifyRequest>();

  app.addHook("onRequest", async (request) => {
    const token = readCookie(request);
    if (!token) return;
    const resolved = await resolveActor(deps.db, deps.clock, deps.config, token);
    if (resolved && "actor" in resolved) request.actor = resolved.actor;
    else if (resolved) expired.add(request);
  });

  app.addHook("preValidation", async (request, reply) => {
    const config = request.routeOptions.config;
    // Only the versioned API needs a session; the web shell, its assets and the API docs are public.
    if (config.access === "public" || !request.url.startsWith("/api/v1/")) return;
    const actor = request.actor;
    if (!actor) return sendProblem(request, reply, 401, expired.has(request) ? "session_expired" : "unauthenticated");
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(actor.csrfToken, request.headers["x-csrf-token"])) {
      return sendProblem(request, reply, 403, "csrf");
    }
    // A sign-in that still needs its second factor (or an enrolment) reaches only that step's routes.
    if (actor.pending && !config.allowPending?.includes(actor.pending)) {
      return sendProblem(
        request,
        reply,
        403,
        actor.pending === "enrolment" ? "enrolment_required" : "second_factor_required",
      );
    }
    if (config.permission && !can(actor, config.permission)) return sendProblem(request, reply, 403, "forbidden");
  });
}
