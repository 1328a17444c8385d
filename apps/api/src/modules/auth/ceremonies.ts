// Short-lived server-side state of a sign-in ceremony (a WebAuthn challenge; OpenID Connect state,
// nonce and PKCE verifier), found by the hash of a random value in an HttpOnly cookie and used once.
// Keeping it in the database (not in memory) lets several server processes share the work.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Tx } from "../../db/database.ts";
import { hashToken, newToken } from "../../http/session.ts";

export type CeremonyPurpose = "webauthn.register" | "webauthn.sign_in" | "webauthn.second_factor" | "oidc";

/** SameSite=Strict for WebAuthn (same-site fetches); Lax for single sign-on, which comes back by a cross-site redirect. */
const COOKIES = { webauthn: "vp_webauthn", oidc: "vp_oidc" } as const;
const cookieOf = (purpose: CeremonyPurpose) => (purpose === "oidc" ? COOKIES.oidc : COOKIES.webauthn);

export async function startCeremony(
  tx: Tx,
  c: {
    purpose: CeremonyPurpose;
    orgId: string | null;
    userId: string | null;
    data: unknown;
    now: Date;
    seconds: number;
  },
): Promise<string> {
  const token = newToken();
  // Old ceremonies are of no use to anyone: clear them while we are here.
  await tx.query(`DELETE FROM auth_ceremonies WHERE expires_at < $1`, [new Date(c.now.getTime() - 3600_000)]);
  await tx.query(
    `INSERT INTO auth_ceremonies (id_hash, org_id, user_id, purpose, data, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      hashToken(token),
      c.orgId,
      c.userId,
      c.purpose,
      JSON.stringify(c.data),
      c.now,
      new Date(c.now.getTime() + c.seconds * 1000),
    ],
  );
  return token;
}

export interface Ceremony<T> {
  orgId: string | null;
  userId: string | null;
  data: T;
}

/** Uses the ceremony up: a second attempt with the same cookie finds nothing. */
export async function takeCeremony<T>(
  tx: Tx,
  token: string | null,
  purpose: CeremonyPurpose,
  now: Date,
): Promise<Ceremony<T> | null> {
  if (!token) return null;
  const rows = await tx.query<{ org_id: string | null; user_id: string | null; data: T }>(
    `UPDATE auth_ceremonies SET used_at = $3
      WHERE id_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
      RETURNING org_id, user_id, data`,
    [hashToken(token), purpose, now],
  );
  const row = rows[0];
  return row ? { orgId: row.org_id, userId: row.user_id, data: row.data } : null;
}

export function setCeremonyCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  purpose: CeremonyPurpose,
  token: string,
  seconds: number,
) {
  reply.setCookie(cookieOf(purpose), token, {
    path: "/api/v1/",
    httpOnly: true,
    sameSite: purpose === "oidc" ? "lax" : "strict",
    secure: request.protocol === "https",
    maxAge: seconds,
  });
}

export function readCeremonyCookie(request: FastifyRequest, purpose: CeremonyPurpose): string | null {
  const value = request.cookies[cookieOf(purpose)];
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

export function clearCeremonyCookie(request: FastifyRequest, reply: FastifyReply, purpose: CeremonyPurpose) {
  reply.clearCookie(cookieOf(purpose), { path: "/api/v1/", httpOnly: true, secure: request.protocol === "https" });
}
