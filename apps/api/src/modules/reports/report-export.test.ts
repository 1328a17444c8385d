// The yearly report end to end: asked for, built in the background with progress, exported as PDF
// (page 1 rendered to PNG with pdftoppm and checked, text read with pdftotext), XLSX (numbers read
// back) and CSV; the same data and parameters give the same numbers; stories with consent.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited } from "../../../test/audit.ts";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";
import { seedFigures } from "./figures.fixtures.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let ids: Awaited<ReturnType<typeof seedFigures>>;
let director: Session;
let coordA: Session;
let coordB: Session;
let workerA: Session;
let dir: string;

const DATA_AS_OF = "2026-01-15T00:00:00Z";

beforeAll(async () => {
  for (const tool of ["pdftoppm", "pdftotext"]) {
    try {
      execFileSync(tool, ["-v"], { stdio: "ignore" });
    } catch {
      throw new Error(`${tool} is missing: apt-get install -y poppler-utils (the CI script does this)`);
    }
  }
  h = await createHarness();
  org = await seedOrg(h.db);
  ids = await seedFigures(h.db, org);
  director = await signIn(h.app, org.emails.director);
  coordA = await signIn(h.app, org.emails.coordinatorA);
  coordB = await signIn(h.app, org.emails.coordinatorB);
  workerA = await signIn(h.app, org.emails.workerA);
  dir = mkdtempSync(join(tmpdir(), "vp-report-"));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await h.close();
});

interface Job {
  id: string;
  status: string;
  progress: number;
  formats: string[];
  parameters: { teamIds: string[]; dataAsOf: string };
}

async function finished(s: Session, id: string): Promise<Job> {
  for (let i = 0; i < 600; i++) {
    const job = (await s.request({ method: "GET", url: `/api/v1/reports/jobs/${id}` })).json() as Job;
    if (job.status === "done" || job.status === "failed") return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("report job did not finish");
}

async function report(s: Session, body: Record<string, unknown>) {
  const res = await s.request({ method: "POST", url: "/api/v1/reports/jobs", payload: body });
  expect(res.statusCode, res.body).toBe(202);
  return finished(s, res.json().id);
}

const download = (s: Session, id: string, format: string) =>
  s.request({ method: "GET", url: `/api/v1/reports/jobs/${id}/export?format=${format}` });

/** Decodes an 8-bit RGB(A) PNG from pdftoppm and returns the share of pixels that are not near-white. */
function inkShare(png: Buffer): number {
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 3;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.toString("latin1", pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = data[9] === 6 ? 4 : data[9] === 0 ? 1 : 3;
    } else if (type === "IDAT") idat.push(data);
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const prev = Buffer.alloc(stride);
  const row = Buffer.alloc(stride);
  let ink = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels]! : 0;
      const b = prev[x]!;
      const c = x >= channels ? prev[x - channels]! : 0;
      const p = a + b - c;
      const pred =
        filter === 1
          ? a
          : filter === 2
            ? b
            : filter === 3
              ? (a + b) >> 1
              : filter === 4
                ? Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
                  ? a
                  : Math.abs(p - b) <= Math.abs(p - c)
                    ? b
                    : c
                : 0;
      row[x] = (line[x]! + pred) & 255;
    }
    for (let x = 0; x < width; x++) if (row[x * channels]! < 200) ink++;
    row.copy(prev);
  }
  return ink / (width * height);
}

describe("the yearly report", () => {
  let job: Job;
  let pdfText: string;

  beforeAll(async () => {
    const story = await workerA.request({
      method: "POST",
      url: "/api/v1/reports/stories",
      payload: {
        teamId: org.teamA,
        personId: ids.p1,
        year: 2025,
        quote: "Ahmed zegt: sinds ik een sleutel heb, slaap ik weer. Dankzij Sofie van het CAW.",
        consent: { givenOn: "2025-11-02", how: "oral" },
        extraNames: ["Sofie"],
      },
    });
    expect(story.statusCode, story.body).toBe(201);
    job = await report(director, { year: 2025 });
  });

  it("is built in the background up to 100 % with a PDF, an XLSX and a CSV", () => {
    expect(job.status).toBe("done");
    expect(job.progress).toBe(100);
    expect(job.formats).toEqual(["csv", "pdf", "xlsx"]);
    expect(job.parameters.teamIds.sort()).toEqual([org.teamA, org.teamB].sort());
    expect(new Date(job.parameters.dataAsOf).getTime()).toBe(h.clock.now().getTime());
  });

  it("renders a PDF whose first page is not blank and whose text holds the key figures", async () => {
    const { result: res, rows } = await audited(h.db, () => download(director, job.id, "pdf"));
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(rows.map((r) => r.action)).toEqual(["report.exported"]);
    const file = join(dir, "report.pdf");
    writeFileSync(file, res.rawPayload);
    execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", file, join(dir, "page-1")]);
    const png = readFileSync(join(dir, "page-1.png"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const ink = inkShare(png);
    expect(ink).toBeGreaterThan(0.005);
    expect(ink).toBeLessThan(0.5);
    // -raw keeps the content order: each key figure's number is followed by its label.
    pdfText = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" });
    expect(pdfText).toContain("Jaarverslag 2025");
    expect(pdfText).toContain("Testorganisatie t");
    expect(pdfText).toContain("Hele dienst");
    expect(pdfText).toMatch(
      /Kerncijfers\n5\nUnieke personen bereikt\n11\nGeschat bereik, met anonieme contacten\n<5\nNieuwe personen\n/,
    );
    expect(pdfText).toMatch(/\n7\nContacten\n<5\nToeleidingen\n/);
    expect(pdfText).toContain("Kerncijfers");
    expect(pdfText).toContain("Methodologie");
    // Dutch diacritics come through the embedded font.
    expect(pdfText).toContain("geïdentificeerd");
  });

  it("prints the story without names, and never a nickname elsewhere", () => {
    expect(pdfText).toContain("sinds ik een sleutel heb, slaap ik weer");
    expect(pdfText).not.toContain("Ahmed");
    expect(pdfText).not.toContain("Sofie");
  });

  it("exports an XLSX with one sheet per section and the numbers as numbers", async () => {
    const res = await download(director, job.id, "xlsx");
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = book.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Kerncijfers",
        "Bereik",
        "Contacten",
        "Toeleidingen",
        "Dossiers en klachten",
        "Housing First",
        "Trends",
        "Verhalen",
        "Methodologie",
      ]),
    );
    const cellOf = (sheet: string, label: string) => {
      let found: unknown;
      book.getWorksheet(sheet)!.eachRow((row) => {
        if (row.getCell(1).value === label && found === undefined) found = row.getCell(2).value;
      });
      return found;
    };
    expect(cellOf("Kerncijfers", "Unieke personen bereikt")).toBe(5);
    expect(cellOf("Kerncijfers", "Contacten")).toBe(7);
    // Three referrals: a small number, suppressed.
    expect(cellOf("Kerncijfers", "Toeleidingen")).toBe("<5");
    expect(cellOf("Kerncijfers", "Nieuwe personen")).toBe("<5");
    expect(cellOf("Contacten", "Totaal")).toBe(7);
  });

  it("exports a CSV in long form", async () => {
    const res = await download(director, job.id, "csv");
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.body.split("\r\n")[0]).toBe("\uFEFFsectie,cijfer,naam,rij,kolom,waarde");
    expect(res.body).toContain("contacts_by_month");
  });

  it("gives the same numbers for the same data and parameters, even after new registrations", async () => {
    const first = await report(director, { year: 2025, dataAsOf: DATA_AS_OF });
    await h.db.owner((tx) =>
      tx.query(
        `INSERT INTO contacts (id, org_id, team_id, started_at, duration_minutes, worker_ids, location_kind, mode, anonymous_counts,
                               anonymous_total, created_by, created_at, updated_at, updated_by)
         VALUES (gen_random_uuid(), $1, $2, '2025-05-05T10:00:00Z', 10, ARRAY[$3::uuid], 'public', 'tally', '[]', 1, $3, now(), now(), $3)`,
        [org.orgId, org.teamA, org.users.workerA],
      ),
    );
    const again = await report(director, { year: 2025, dataAsOf: DATA_AS_OF });
    const snapshot = (id: string) =>
      h.db.owner(
        async (tx) =>
          (
            await tx.query<{ snapshot: { sections: unknown; keyFigures: unknown } }>(
              `SELECT snapshot FROM report_jobs WHERE id = $1`,
              [id],
            )
          )[0]!.snapshot,
      );
    const [a, b] = [await snapshot(first.id), await snapshot(again.id)];
    expect(
      (a.keyFigures as { metric: string; display: string }[]).find((k) => k.metric === "contacts_total")!.display,
    ).toBe("6");
    expect(b.keyFigures).toEqual(a.keyFigures);
    expect(b.sections).toEqual(a.sections);
    // A later data timestamp sees the new contact.
    const later = await report(director, { year: 2025 });
    const c = await snapshot(later.id);
    expect(JSON.stringify(c.keyFigures)).not.toEqual(JSON.stringify(a.keyFigures));
  }, 240_000);

  it("leaves a withdrawn story out of later reports", async () => {
    const stories = (await workerA.request({ method: "GET", url: "/api/v1/reports/stories?year=2025" })).json();
    expect(stories).toHaveLength(1);
    expect(stories[0].quote).toBe("[…] zegt: sinds ik een sleutel heb, slaap ik weer. Dankzij […] van het CAW.");
    const withdrawn = await workerA.request({
      method: "POST",
      url: `/api/v1/reports/stories/${stories[0].id}/withdraw`,
      payload: { reason: "Toestemming ingetrokken" },
    });
    expect(withdrawn.statusCode).toBe(200);
    const after = await report(director, { year: 2025 });
    const text = (await download(director, after.id, "csv")).body;
    expect(text).not.toContain("sleutel");
    const snapshot = await h.db.owner(
      async (tx) =>
        (
          await tx.query<{ snapshot: { stories: unknown[] } }>(`SELECT snapshot FROM report_jobs WHERE id = $1`, [
            after.id,
          ])
        )[0]!.snapshot,
    );
    expect(snapshot.stories).toEqual([]);
  });
});

describe("who asks for and reads reports", () => {
  it("gives a coordinator a report of their own teams, hidden from another team's coordinator", async () => {
    const job = await report(coordA, { year: 2025, locale: "fr" });
    expect(job.parameters.teamIds).toEqual([org.teamA]);
    expect((await coordB.request({ method: "GET", url: `/api/v1/reports/jobs/${job.id}` })).statusCode).toBe(404);
    expect((await download(coordB, job.id, "pdf")).statusCode).toBe(404);
    expect((await director.request({ method: "GET", url: `/api/v1/reports/jobs/${job.id}` })).statusCode).toBe(200);
    const pdf = join(dir, "fr.pdf");
    writeFileSync(pdf, (await download(coordA, job.id, "pdf")).rawPayload);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("Rapport annuel 2025");
    expect(text).toContain("Méthodologie");
  });

  it("refuses a team the coordinator does not coordinate, a future year and a future data timestamp", async () => {
    const cases = [
      [{ year: 2025, teamId: org.teamB }, "teamId"],
      [{ year: 2100 }, "year"],
      [{ year: 2025, dataAsOf: "2100-01-01T00:00:00Z" }, "dataAsOf"],
    ] as const;
    for (const [payload, field] of cases) {
      const res = await coordA.request({ method: "POST", url: "/api/v1/reports/jobs", payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(res.json().field).toBe(field);
    }
  });

  it("audits the request of a report with its parameters", async () => {
    const { result: res, rows } = await audited(h.db, () =>
      director.request({ method: "POST", url: "/api/v1/reports/jobs", payload: { year: 2024, teamId: org.teamB } }),
    );
    expect(res.statusCode).toBe(202);
    expect(rows.map((r) => r.action)).toEqual(["report.requested"]);
    expect(rows[0]!.details).toMatchObject({ year: 2024, teamId: org.teamB, teamIds: [org.teamB], locale: "nl" });
    await finished(director, res.json().id);
  });
});

describe("stories", () => {
  it("need a person the worker may write for, and a consent day that has passed", async () => {
    const other = await workerA.request({
      method: "POST",
      url: "/api/v1/reports/stories",
      payload: {
        teamId: org.teamA,
        personId: ids.p2,
        quote: "Een uitspraak van iemand van een ander team.",
        consent: { givenOn: "2025-01-01", how: "written" },
      },
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().field).toBe("personId");
    const future = await workerA.request({
      method: "POST",
      url: "/api/v1/reports/stories",
      payload: {
        teamId: org.teamA,
        personId: ids.p3,
        quote: "Een uitspraak met toestemming van morgen.",
        consent: { givenOn: "2100-01-01", how: "written" },
      },
    });
    expect(future.json().field).toBe("consent.givenOn");
  });

  it("are audited when marked", async () => {
    const { rows } = await audited(h.db, () =>
      workerA.request({
        method: "POST",
        url: "/api/v1/reports/stories",
        payload: {
          teamId: org.teamA,
          personId: ids.p3,
          year: 2025,
          quote: "Cas: het helpt dat jullie blijven komen.",
          consent: { givenOn: "2025-06-01", how: "written" },
        },
      }),
    );
    expect(rows.map((r) => r.action)).toEqual(["story.created"]);
    expect(rows[0]!.details).toMatchObject({ namesRemoved: 1, consentHow: "written", year: 2025 });
  });
});
