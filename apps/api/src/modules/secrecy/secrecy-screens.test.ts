// The small routes the secrecy screens need beside the shares, break-the-glass and audit routes:
// whom to share with, one's own running emergency access, and the DPO's list of people in the trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let workerA: Session;
let workerB: Session;
let dpo: Session;
let partnerId = "";

beforeAll(async () => {
  h = await createHarness();
  h.clock.set("2026-02-01T10:00:00Z");
  org = await seedOrg(h.db);
  partnerId = await h.db.owner((tx) => addUser(tx, org.orgId, "t-partner@example.org", { orgRoles: ["partner"] }));
  [workerA, workerB, dpo] = await Promise.all([
    signIn(h.app, org.emails.workerA),
    signIn(h.app, org.emails.workerB),
    signIn(h.app, org.emails.dpo),
  ]);
});
afterAll(() => h.close());

describe("share recipients", () => {
  it("lists the other teams and the partners, never one's own team", async () => {
    const res = await workerA.request({ method: "GET", url: "/api/v1/share-recipients" });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { teams: { id: string }[]; partners: { id: string; displayName: string }[] };
    expect(body.teams.map((t) => t.id)).toEqual([org.teamB]);
    expect(body.partners.map((p) => p.id)).toEqual([partnerId]);
  });
});

describe("own break-the-glass", () => {
  it("answers the running emergency access with its end, and nothing for someone else", async () => {
    const id = (
      await workerA.request({
        method: "POST",
        url: "/api/v1/persons",
        payload: { teamId: org.teamA, nickname: "Nood" },
      })
    ).json().id as string;
    const none = await workerB.request({ method: "GET", url: `/api/v1/persons/${id}/break-glass` });
    expect(none.json()).toEqual({ active: null });
    const granted = await workerB.request({
      method: "POST",
      url: `/api/v1/persons/${id}/break-glass`,
      payload: { reason: "Persoon onwel aangetroffen, medicatie nodig." },
    });
    expect(granted.statusCode).toBe(201);
    const active = (await workerB.request({ method: "GET", url: `/api/v1/persons/${id}/break-glass` })).json();
    expect(active.active).toMatchObject({ personId: id, expiresAt: "2026-02-01T11:00:00.000Z" });
    expect((await workerA.request({ method: "GET", url: `/api/v1/persons/${id}/break-glass` })).json()).toEqual({
      active: null,
    });
    // Ended (moving the clock an hour would end the sessions too).
    await h.db.owner((tx) =>
      tx.query(`UPDATE break_glass SET expires_at = '2026-02-01T09:59:00Z' WHERE person_id = $1`, [id]),
    );
    expect((await workerB.request({ method: "GET", url: `/api/v1/persons/${id}/break-glass` })).json()).toEqual({
      active: null,
    });
  });
});

describe("audit actors", () => {
  it("gives the DPO everyone's name for the filter, and refuses a worker", async () => {
    const res = await dpo.request({ method: "GET", url: "/api/v1/audit/actors" });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((u: { id: string }) => u.id)).toEqual(
      expect.arrayContaining([org.users.workerA, org.users.dpo, partnerId]),
    );
    expect((await workerA.request({ method: "GET", url: "/api/v1/audit/actors" })).statusCode).toBe(403);
  });
});
