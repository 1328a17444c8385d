// The audit trail is hash-chained per organisation (in a few parallel chains, see audit_append): each
// row's hash covers its content and the previous row's hash in its chain, so editing or deleting a row
// breaks every later link.
import { createHash } from "node:crypto";

export interface ChainedFields {
  id: string;
  orgId: string;
  at: Date;
  actorUserId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  details: unknown;
  prevHash: string | null;
}

/** JSON with sorted keys and no undefined members, identical before and after a jsonb round trip. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

/**
 * The row's canonical JSON without its closing member: prevHash sorts after every other key, so the
 * full text is this prefix, `,"prevHash":<json>` and `}`. The database completes it once the chain's
 * head is known (audit_append), and chainHash below reads the same text, so both agree by construction.
 */
export function chainPrefix(f: Omit<ChainedFields, "prevHash">): string {
  const text = canonical({
    id: f.id,
    orgId: f.orgId,
    at: f.at.toISOString(),
    actorUserId: f.actorUserId,
    action: f.action,
    entityType: f.entityType,
    entityId: f.entityId,
    details: f.details,
  });
  return text.slice(0, -1);
}

export function chainHash(f: ChainedFields): string {
  return createHash("sha256")
    .update(`${chainPrefix(f)},"prevHash":${canonical(f.prevHash)}}`)
    .digest("hex");
}
