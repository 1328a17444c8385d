// SQL for offline sync: devices, the record of pushed mutations, refused mutations kept for review.
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
    d.dataKey,
    d.at,
  ]);
}

/** Row-level security shows a request only its own user's devices. */
export async function getDevice(tx: Tx, id: string): Promise<DeviceRow | null> {
  return (await tx.query<DeviceRow>(`SELECT * FROM devices WHERE id = $1`, [id]))[0] ?? null;
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

export function listDevices(tx: Tx, userId: string | null) {
  return tx.query<DeviceRow & { user_name: string }>(
    `SELECT d.*, u.display_name AS user_name FROM devices d JOIN users u ON u.id = d.user_id
      WHERE $1::uuid IS NULL OR d.user_id = $1 ORDER BY d.created_at DESC`,
    [userId],
  );
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
  await tx.query(
    `INSERT INTO sync_review (id, org_id, mutation_id, user_id, device_id, payload, reason, received_at)
     SELECT $1,$2,$3,$4,$5,$6::jsonb,$7,$8
      WHERE NOT EXISTS (SELECT 1 FROM sync_review WHERE mutation_id = $3 AND user_id = $4 AND payload = $6::jsonb)`,
    [r.id, r.orgId, r.mutationId, r.userId, r.deviceId, JSON.stringify(r.payload), r.reason, r.at],
  );
}
