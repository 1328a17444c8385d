// SQL for offline sync: devices, the record of pushed mutations, refused mutations kept for review.
import { seal, unsealRows } from "../../crypto/fields.ts";
import { sealPayload } from "../../crypto/sealed-columns.ts";
import type { Tx } from "../../db/database.ts";

export interface DeviceRow {
  id: string;
  user_id: string;
  label: string;
  data_key: string;
  created_at: Date;
  last_sync_at: Date | null;
  revoked_at: Date | null;
}

export async function insertDevice(
  tx: Tx,
  d: { id: string; orgId: string; userId: string; label: string; dataKey: string; at: Date },
) {
  await tx.query(`INSERT INTO devices (id, org_id, user_id, label, data_key, created_at) VALUES ($1,$2,$3,$4,$5,$6)`, [
    d.id,
    d.orgId,
    d.userId,
    d.label,
    seal(d.dataKey), // the device's key opens its offline copy: sealed at rest like the data
    d.at,
  ]);
}

/** Row-level security shows a request only its own user's devices. */
export async function getDevice(tx: Tx, id: string): Promise<DeviceRow | null> {
  return unsealRows(await tx.query<DeviceRow>(`SELECT * FROM devices WHERE id = $1`, [id]), ["data_key"])[0] ?? null;
}

export async function touchDevice(tx: Tx, id: string, at: Date) {
  await tx.query(`UPDATE devices SET last_sync_at = $2 WHERE id = $1`, [id, at]);
}

export async function revokeDevice(tx: Tx, id: string, at: Date, by: string) {
  await tx.query(
    `UPDATE devices SET revoked_at = coalesce(revoked_at, $2), revoked_by = coalesce(revoked_by, $3) WHERE id = $1`,
    [id, at, by],
  );
}

export async function listDevices(tx: Tx, userId: string | null) {
  const rows = await tx.query<DeviceRow & { user_name: string }>(
    `SELECT d.*, u.display_name AS user_name FROM devices d JOIN users u ON u.id = d.user_id
      WHERE $1::uuid IS NULL OR d.user_id = $1 ORDER BY d.created_at DESC`,
    [userId],
  );
  return unsealRows(rows, ["data_key"]);
}

export interface MutationRow {
  id: string;
  user_id: string;
  kind: string;
  payload_hash: string;
  status: "applied" | "rejected";
  response: unknown;
}

export async function storedMutationIds(tx: Tx, ids: readonly string[]): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(`SELECT id FROM sync_mutations WHERE id = ANY($1::uuid[])`, [ids]);
  return rows.map((r) => r.id);
}

export async function getMutation(tx: Tx, id: string): Promise<MutationRow | null> {
  return (
    (
      await tx.query<MutationRow>(
        `SELECT id, user_id, kind, payload_hash, status, response FROM sync_mutations WHERE id = $1`,
        [id],
      )
    )[0] ?? null
  );
}

export async function insertMutation(
  tx: Tx,
  m: {
    id: string;
    orgId: string;
    userId: string;
    deviceId: string | null;
    kind: string;
    formatVersion: number;
    hash: string;
    status: string;
    response: unknown;
    at: Date;
  },
) {
  await tx.query(
    `INSERT INTO sync_mutations (id, org_id, user_id, device_id, kind, format_version, payload_hash, status, response, received_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [m.id, m.orgId, m.userId, m.deviceId, m.kind, m.formatVersion, m.hash, m.status, JSON.stringify(m.response), m.at],
  );
}

/** Keeps a refused payload once, however often the phone sends it again. */
export async function insertReview(
  tx: Tx,
  r: {
    id: string;
    orgId: string;
    mutationId: string;
    userId: string;
    deviceId: string | null;
    payload: unknown;
    reason: string;
    at: Date;
  },
) {
  // The payload can quote a note or an identity: it is sealed, with a keyed digest to keep it once.
  const sealed = sealPayload(r.payload);
  await tx.query(
    `INSERT INTO sync_review (id, org_id, mutation_id, user_id, device_id, payload, reason, received_at)
     SELECT $1,$2,$3,$4,$5,$6::jsonb,$7,$8
      WHERE NOT EXISTS (SELECT 1 FROM sync_review WHERE mutation_id = $3 AND user_id = $4 AND payload->>'digest' = $9)`,
    [r.id, r.orgId, r.mutationId, r.userId, r.deviceId, JSON.stringify(sealed), r.reason, r.at, sealed.digest],
  );
}

/** The answers of a bulk run, in one statement. */
export async function insertMutations(tx: Tx, ms: readonly Parameters<typeof insertMutation>[1][]) {
  if (!ms.length) return;
  await tx.query(
    `INSERT INTO sync_mutations (id, org_id, user_id, device_id, kind, format_version, payload_hash, status, response, received_at)
     SELECT id, org_id, user_id, device_id, kind, format_version, payload_hash, status, response, received_at
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, org_id uuid, user_id uuid, device_id uuid, kind text,
            format_version int, payload_hash text, status text, response jsonb, received_at timestamptz)`,
    [
      JSON.stringify(
        ms.map((m) => ({
          id: m.id,
          org_id: m.orgId,
          user_id: m.userId,
          device_id: m.deviceId,
          kind: m.kind,
          format_version: m.formatVersion,
          payload_hash: m.hash,
          status: m.status,
          response: m.response,
          received_at: m.at.toISOString(),
        })),
      ),
    ],
  );
}
