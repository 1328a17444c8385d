// The figures API: who sees what (director: department, suppressed, never persons; coordinator:
// own teams), the trend, a figure as CSV (suppressed, audited), drill-down within need-to-know,
// and the catalogue.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited } from "../../../test/audit.ts";
import { seedOrg } from "../../../test/factories.ts";
import { createHarness, type Harness, type Session, signIn } from "../../../test/harness.ts";
import { seedFigures } from "./figures.fixtures.ts";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let director: Session;
let coordA: Session;
let workerA: Session;

type FigureJson = {
  metric: string;
  total: { value: number | null; display: string };
  rows: { key: string; total: { display: string } }[];
};
const YEAR = "from=2025-01-01&to=2025-12-31";

beforeAll(async () => {
  h = await createHarness();
  org = await seedOrg(h.db);
  await seedFigures(h.db, org);
  [director, coordA, workerA] = await Promise.all([
    signIn(h.app, org.emails.director),
    signIn(h.app, org.emails.coordinatorA),
    signIn(h.app, org.emails.workerA),
  ]);
});
afterAll(() => h.close());

const figure = (body: { figures: FigureJson[] }, id: string) => body.figures.find((f) => f.metric === id)!;

describe("live figures", () => {
  it("give the director the whole department, suppressed, without worker figures or drill-down", async () => {
    const res = await director.request({ method: "GET", url: `/api/v1/reports/figures?${YEAR}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      suppressed: true,
      canDrill: false,
      selection: { from: "2025-01-01", to: "2025-12-31" },
    });
    expect(figure(body, "contacts_total").total.display).toBe("7");
    expect(figure(body, "contacts_by_team").rows.map((r) => r.total.display)).toEqual(["<5", "<5"]);
    expect(figure(body, "new_persons").total.display).toBe("<5");
    expect(body.figures.map((f: FigureJson) => f.metric)).not.toContain("contacts_by_worker");
    // Figures only: no person's nickname anywhere in the answer.
    for (const name of ["Ahmed", "Bea", "Cas", "Dries", "Eli", "Fien"]) expect(res.body).not.toContain(name);
  });

  it("give a coordinator their own teams, unsuppressed, with worker figures and drill-down", async () => {
    const res = await coordA.request({ method: "GET", url: `/api/v1/reports/figures?${YEAR}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ suppressed: false, canDrill: true, selection: { teamIds: [org.teamA] } });
    expect(figure(body, "contacts_total").total.value).toBe(5);
    expect(figure(body, "persons_reached").total.value).toBe(4);
    expect(figure(body, "contacts_by_worker").rows.length).toBe(2);
  });

  it("refuse another team's figures to a coordinator, and every figure to a worker", async () => {
    const other = await coordA.request({ method: "GET", url: `/api/v1/reports/figures?teamId=${org.teamB}` });
    expect(other.statusCode).toBe(422);
    expect(other.json().field).toBe("teamId");
    expect((await workerA.request({ method: "GET", url: "/api/v1/reports/figures" })).statusCode).toBe(403);
  });

  it("filter on a neighbourhood", async () => {
    const res = await director.request({
      method: "GET",
      url: `/api/v1/reports/figures?${YEAR}&neighbourhoodId=${org.north}`,
    });
    expect(figure(res.json(), "contacts_total").total.display).toBe("<5");
    const unknown = await director.request({
      method: "GET",
      url: `/api/v1/reports/figures?neighbourhoodId=${org.users.admin}`,
    });
    expect(unknown.statusCode).toBe(422);
  });

  it("set a figure side by side per year", async () => {
    const res = await coordA.request({
      method: "GET",
      url: "/api/v1/reports/trend?metric=contacts_total&fromYear=2024&toYear=2025",
    });
    expect(res.statusCode, res.body).toBe(200);
    const { figure: trend, years } = res.json();
    expect(years).toEqual([2024, 2025]);
    expect(trend.columns.map((c: { key: string }) => c.key)).toEqual(["2024", "2025"]);
    expect(trend.rows[0].cells.map((c: { value: number }) => c.value)).toEqual([1, 5]);
  });
});

describe("a figure as CSV", () => {
  it("is suppressed even for a coordinator, and audited", async () => {
    const { result: res, rows } = await audited(h.db, () =>
      coordA.request({
        method: "GET",
        url: `/api/v1/reports/figures/export?metric=contacts_by_worker&format=csv&${YEAR}`,
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.body).toContain("<5");
    expect(rows.map((r) => r.action)).toEqual(["figures.exported"]);
    expect(rows[0]!.details).toMatchObject({ metric: "contacts_by_worker", format: "csv" });
  });

  it("does not give the director a figure about workers", async () => {
    const res = await director.request({
      method: "GET",
      url: "/api/v1/reports/figures/export?metric=contacts_by_worker&format=csv",
    });
    expect(res.statusCode).toBe(422);
  });
});

describe("drill-down", () => {
  it("lists a coordinator's own contacts behind a row, without names, and is audited", async () => {
    const { result: res, rows } = await audited(h.db, () =>
      coordA.request({ method: "GET", url: `/api/v1/reports/drill?dimension=neighbourhood&key=${org.south}&${YEAR}` }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // South had C2 and C4 (team B) and C10 (team A): the coordinator of team A gets C10 only.
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      teamName: "Straathoekwerk",
      neighbourhoodName: "Zuidwijk",
      anonymousTotal: 4,
    });
    expect(rows.map((r) => r.action)).toEqual(["figures.drilled_down"]);
    const hours = await coordA.request({ method: "GET", url: `/api/v1/reports/drill?dimension=hour&key=23&${YEAR}` });
    expect(hours.json().total).toBe(1);
    const domains = await coordA.request({
      method: "GET",
      url: `/api/v1/reports/drill?dimension=life_domain&key=housing&${YEAR}`,
    });
    expect(domains.json().total).toBe(1);
  });

  it("never lets the director reach the contacts or persons behind a figure", async () => {
    const res = await director.request({ method: "GET", url: `/api/v1/reports/drill?dimension=team&key=${org.teamA}` });
    expect(res.statusCode).toBe(403);
    expect((await director.request({ method: "GET", url: "/api/v1/contacts" })).statusCode).toBe(403);
  });
});

describe("the catalogue", () => {
  it("lists every metric with its definitions, for every role that reads the organisation", async () => {
    const res = await workerA.request({ method: "GET", url: "/api/v1/reports/catalogue" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const reached = body.metrics.find((m: { id: string }) => m.id === "persons_reached");
    expect(reached.name.nl).toBe("Unieke personen bereikt");
    expect(reached.people.en).toContain("merged_into_id");
    expect(body.metrics.find((m: { id: string }) => m.id === "cases_by_intake_channel").available).toBe(true);
    expect(body.generalRules).toHaveLength(4);
  });
});
