// Devices that keep an offline copy. Each has a random AES-256 data key, handed to its own user after
// an online sign-in; the phone keeps it only as a non-extractable key (docs/decisions/0007). An admin
// revokes a lost phone: its next request is answered with "wipe", and its pushes are refused.
import { randomBytes } from "node:crypto";
import { DEFAULT_MAX_OFFLINE_DAYS, type DeviceKeyView } from "@vindplaats/contracts";
import { uuidv7 } from "@vindplaats/domain";
import { setPurpose } from "../../db/database.ts";
import type { Ctx } from "../../http/context.ts";
import { invalidField, notFound } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import * as repo from "./sync.repo.ts";

/** Days a device may stay offline before it wipes itself; VINDPLAATS_OFFLINE_MAX_DAYS overrides. */
export function maxOfflineDays(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.VINDPLAATS_OFFLINE_MAX_DAYS);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_OFFLINE_DAYS;
}

const keyView = (d: repo.DeviceRow): DeviceKeyView => ({
  deviceId: d.id,
  dataKey: d.revoked_at ? null : d.data_key,
  wipe: !!d.revoked_at,
  maxOfflineDays: maxOfflineDays(),
});

export async function registerDevice(ctx: Ctx, label: string): Promise<DeviceKeyView> {
  const id = uuidv7();
  const at = ctx.clock.now();
  await repo.insertDevice(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    userId: ctx.actor.userId,
    label,
    dataKey: randomBytes(32).toString("base64"),
    at,
  });
  await audit(ctx, { action: "device.registered", entityType: "device", entityId: id });
  return keyView((await repo.getDevice(ctx.tx, id))!);
}

/** The data key of one's own device; a revoked device learns it must wipe. */
export async function issueDeviceKey(ctx: Ctx, id: string): Promise<DeviceKeyView> {
  const device = await repo.getDevice(ctx.tx, id);
  if (!device || device.user_id !== ctx.actor.userId) throw notFound();
  if (!device.revoked_at) await audit(ctx, { action: "device.key_issued", entityType: "device", entityId: id });
  return keyView(device);
}

const TOUCH_EVERY_MS = 60_000;

/** The device a sync request names: must be the caller's; `wipe` when it was revoked. */
export async function checkDevice(ctx: Ctx, id: string | undefined): Promise<{ wipe: boolean }> {
  if (!id) return { wipe: false };
  const device = await repo.getDevice(ctx.tx, id);
  if (!device || device.user_id !== ctx.actor.userId) throw invalidField("deviceId", "field.not_found");
  if (device.revoked_at) return { wipe: true };
  // "Last synced" to the minute is enough for an administrator; a phone syncing every minute (and
  // pushing then pulling) need not write the row on each request.
  const now = ctx.clock.now();
  if (!device.last_sync_at || now.getTime() - device.last_sync_at.getTime() >= TOUCH_EVERY_MS)
    await repo.touchDevice(ctx.tx, id, now);
  return { wipe: false };
}

/** Admins see every device of the organisation; others their own. */
export async function listDevices(ctx: Ctx, all: boolean) {
  if (all) await setPurpose(ctx.tx, "system");
  const rows = await repo.listDevices(ctx.tx, all ? null : ctx.actor.userId);
  return rows.map((d) => ({
    id: d.id,
    userId: d.user_id,
    userName: d.user_name,
    label: d.label,
    createdAt: d.created_at.toISOString(),
    lastSyncAt: d.last_sync_at?.toISOString() ?? null,
    revokedAt: d.revoked_at?.toISOString() ?? null,
  }));
}

/** Admin revocation of a lost or stolen device. Authorised by the route (org.manage), audited here. */
export async function revokeDevice(ctx: Ctx, id: string) {
  // Devices are private to their user under row-level security; the admin acts on the whole organisation.
  await setPurpose(ctx.tx, "system");
  if (!(await repo.getDevice(ctx.tx, id))) throw notFound();
  await repo.revokeDevice(ctx.tx, id, ctx.clock.now(), ctx.actor.userId);
  await audit(ctx, { action: "device.revoked", entityType: "device", entityId: id });
  return (await listDevices(ctx, true)).find((d) => d.id === id)!;
}
