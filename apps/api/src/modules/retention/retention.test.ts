// The retention job on a fake clock (1 June 2030, five years after the figure fixtures): exactly the
// expected persons are anonymised, notes and closed-case text go, the yearly figures stay the same,
// a dry run changes nothing, and another organisation's data is left alone.
import { METRICS, type MetricDefinition } from "@vindplaats/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, rowCounts, type Session, signIn } from "../../../test/harness.ts";
import type { CliIo } from "../../cli/io.ts";
import { runCli } from "../../cli/program.ts";
import { silentProgress } from "../../demo/progress.ts";
import { verifyAuditChain } from "../audit/verify.ts";
import { seedFigures } from "../reports/figures.fixtures.ts";
import { computeFigures } from "../reports/figures.ts";
import { retentionFixtures } from "./retention.fixtures.ts";
import { runRetention } from "./retention-run.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let other: Awaited<ReturnType<typeof seedOrg>>;
let fig: Awaited<ReturnType<typeof seedFigures>>;
let extra: Awaited<ReturnType<typeof retentionFixtures>>;
let admin: Session;
let dpo: Session;

const NOW = "2030-06-01T10:00:00Z";
const ALL = METRICS as readonly MetricDefinition[];

/** Every figure of the catalogue for one year, as the reports module computes it. */
async function yearFigures(year: number) {
  return h.db.transaction({ orgId: org.orgId, userId: null, purpose: "figures" }, (tx) =>
    computeFigures(
      tx,
      {
        orgId: org.orgId,
        from: `${year}-01-01`,
        to: `${year}-12-31`,
        teamIds: [org.teamA, org.teamB],
        allTeams: true,
        neighbourhoodId: null,
        asOf: new Date(NOW),
      },
      ALL,
      { locale: "nl", suppress: false },
    ),
  );
}

const owner = <T>(sql: string, params: unknown[] = []) => h.db.owner((tx) => tx.query<T>(sql, params));

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
  other = await seedOrg(h.db, "u");
  fig = await seedFigures(h.db, org);
  extra = await retentionFixtures(h.db, org, other, fig.p1);
  h.clock.set(NOW);
  admin = await signIn(h.app, org.emails.admin);
  dpo = await signIn(h.app, org.emails.dpo);
});
afterAll(() => h.close());

describe("retention periods", () => {
  it("start from the defaults: person data off until the organisation decides", async () => {
    const res = await dpo.request({ method: "GET", url: "/api/v1/retention/policies" });
    expect(res.statusCode).toBe(200);
    const byCategory = Object.fromEntries(res.json().policies.map((p: { category: string }) => [p.category, p]));
    expect(byCategory.inactive_persons).toMatchObject({ keepMonths: 60, isEnabled: false, isDefault: true });
    expect(byCategory.sessions).toMatchObject({ isEnabled: true });
  });

  it("are set by the administrator (audited), not by the DPO", async () => {
    const policies = ["inactive_persons", "person_notes", "contact_notes", "closed_cases", "closed_trajectories"].map(
      (category) => ({ category, keepMonths: category.startsWith("closed") ? 36 : 60, isEnabled: true }),
    );
    expect(
      (await dpo.request({ method: "PUT", url: "/api/v1/retention/policies", payload: { policies } })).statusCode,
    ).toBe(403);
    const res = await admin.request({ method: "PUT", url: "/api/v1/retention/policies", payload: { policies } });
    expect(res.statusCode).toBe(200);
    expect(res.json().policies.find((p: { category: string }) => p.category === "closed_cases")).toMatchObject({
      keepMonths: 36,
      isEnabled: true,
      isDefault: false,
    });
    const audit = await owner<{ details: { policies: unknown[] } }>(
      `SELECT details FROM audit_events WHERE org_id = $1 AND action = 'retention.policies_set'`,
      [org.orgId],
    );
    expect(audit[0]?.details.policies).toHaveLength(5);
    const twice = [
      { category: "sessions", keepMonths: 3, isEnabled: true },
      { category: "sessions", keepMonths: 4, isEnabled: true },
    ];
    expect(
      (await admin.request({ method: "PUT", url: "/api/v1/retention/policies", payload: { policies: twice } }))
        .statusCode,
    ).toBe(422);
  });
});

describe("a dry run", () => {
  it("reports per category what would happen and changes nothing", async () => {
    const before = await rowCounts(h.db);
    const res = await dpo.request({ method: "GET", url: "/api/v1/retention/dry-run" });
    expect(res.statusCode).toBe(200);
    const due = Object.fromEntries(
      res.json().categories.map((c: { category: string; due: number }) => [c.category, c.due]),
    );
    expect(due).toMatchObject({
      inactive_persons: 4,
      person_notes: 2,
      contact_notes: 1,
      closed_cases: 3,
      closed_trajectories: 1,
    });

    const reports = await runRetention(h.db, h.clock, { dryRun: true, trigger: "cli" });
    const mine = reports.find((r) => r.orgId === org.orgId)!;
    expect(Object.fromEntries(mine.categories.map((c) => [c.category, c.due]))).toEqual(due);
    expect(mine.categories.every((c) => c.applied === 0)).toBe(true);
    // The other organisation has due persons too, but keeps the defaults (off).
    const theirs = reports.find((r) => r.orgId === other.orgId)!;
    expect(theirs.categories.find((c) => c.category === "inactive_persons")).toMatchObject({
      due: 1,
      isEnabled: false,
    });
    expect(await rowCounts(h.db)).toEqual(before);
  });

  it("runs from the command line with --dry-run and changes nothing", async () => {
    const before = await rowCounts(h.db);
    const out: string[] = [];
    const io: CliIo = {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      openDatabase: async () => ({ ...h.db, close: async () => {} }),
      progress: () => silentProgress,
    };
    expect(await runCli(["retention", "run", "--dry-run"], io)).toBe(0);
    expect(out[0]).toContain("nothing was changed");
    expect(out.join("\n")).toMatch(/inactive_persons\s+anonymise\s+60 months/);
    expect(await rowCounts(h.db)).toEqual(before);
  });
});

describe("the retention job", () => {
  let figuresBefore: unknown[];

  beforeAll(async () => {
    figuresBefore = [await yearFigures(2024), await yearFigures(2025), await yearFigures(2026)];
    await runRetention(h.db, h.clock, { dryRun: false, trigger: "cli" });
  });

  it("anonymises exactly the persons without contact for five years", async () => {
    const rows = await owner<{ person_id: string }>(`SELECT person_id FROM person_anonymisations ORDER BY person_id`);
    const expected = [fig.p2, fig.p5, fig.p6, extra.noContact].sort();
    expect(rows.map((r) => r.person_id)).toEqual(expected);
    const persons = await owner<Record<string, unknown>>(
      `SELECT id, nickname, full_name, phone, national_register_number, description, nationality, age_band, is_active
         FROM persons WHERE id = ANY($1)`,
      [expected],
    );
    for (const p of persons) {
      expect(p).toMatchObject({
        nickname: "Geanonimiseerd",
        full_name: null,
        phone: null,
        national_register_number: null,
      });
      expect(p.description).toBeNull();
    }
    // Countable fields stay: P5 was Belgian, 18-25.
    expect(persons.find((p) => p.id === fig.p5)).toMatchObject({ nationality: "be", age_band: "18_25" });
  });

  it("keeps the yearly figures exactly as they were", async () => {
    expect([await yearFigures(2024), await yearFigures(2025), await yearFigures(2026)]).toEqual(figuresBefore);
  });

  it("removes notes and the text of closed cases and trajectories, and leaves recent ones", async () => {
    const notes = await owner<{ id: string }>(`SELECT id FROM person_notes WHERE org_id = $1`, [org.orgId]);
    expect(notes.map((n) => n.id)).toEqual([extra.recentNote]);
    const contacts = await owner<{ id: string; note: string | null }>(
      `SELECT id, note FROM contacts WHERE id = ANY($1) ORDER BY id`,
      [[extra.oldNoteContact, extra.recentNoteContact]],
    );
    expect(Object.fromEntries(contacts.map((c) => [c.id, c.note]))).toEqual({
      [extra.oldNoteContact]: null,
      [extra.recentNoteContact]: "Recent gesprek",
    });
    const cases = await owner<{ street: string; summary: string | null }>(
      `SELECT street, summary FROM cases WHERE id = $1`,
      [extra.closedCase],
    );
    expect(cases[0]).toEqual({ street: "—", summary: null });
    const complainants = await owner<{ name: string | null }>(`SELECT name FROM case_complainants WHERE case_id = $1`, [
      extra.closedCase,
    ]);
    expect(complainants).toEqual([{ name: null }]);
    const trajectory = await owner<{ title: string; support: string | null }>(
      `SELECT title, support FROM trajectories WHERE id = $1`,
      [extra.closedTrajectory],
    );
    expect(trajectory[0]).toEqual({ title: "—", support: null });
  });

  it("leaves the other organisation alone and deletes only ended sessions", async () => {
    const theirs = await owner<{ nickname: string }>(`SELECT nickname FROM persons WHERE id = $1`, [
      extra.otherOrgPerson,
    ]);
    expect(theirs[0]?.nickname).toBe("Zeno");
    const sessions = await owner<{ id_hash: string }>(`SELECT id_hash FROM sessions WHERE id_hash = $1`, [
      extra.oldSession,
    ]);
    expect(sessions).toEqual([]);
    expect((await dpo.request({ method: "GET", url: "/api/v1/retention/policies" })).statusCode).toBe(200);
  });

  it("records the run, audits each batch and keeps the audit chain intact", async () => {
    const runs = (await dpo.request({ method: "GET", url: "/api/v1/retention/policies" })).json().lastRuns;
    expect(runs[0]).toMatchObject({ trigger: "cli", counts: { inactive_persons: 4, closed_cases: 3 } });
    const audit = await owner<{ details: { category: string; rows: number } }>(
      `SELECT details FROM audit_events WHERE org_id = $1 AND action = 'retention.applied' ORDER BY seq`,
      [org.orgId],
    );
    expect(audit.find((a) => a.details.category === "inactive_persons")?.details.rows).toBe(4);
    expect((await verifyAuditChain(h.db)).breaks).toEqual([]);
  });

  it("has nothing left to do on a second run", async () => {
    const again = await runRetention(h.db, h.clock, { dryRun: false, trigger: "cli", orgIds: [org.orgId] });
    expect(again[0]!.categories.filter((c) => c.isEnabled).map((c) => [c.category, c.applied])).toEqual(
      again[0]!.categories.filter((c) => c.isEnabled).map((c) => [c.category, 0]),
    );
  });
});
