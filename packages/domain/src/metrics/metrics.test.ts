import { describe, expect, it } from "vitest";
import { CONTACT_ACTIONS } from "../quick-scan.ts";
import { DIMENSIONS, METRIC_IDS, METRICS, metricById } from "./catalogue.ts";
import { chartSpec, hasChart } from "./chart-spec.ts";
import { estimateReach, presentFigure } from "./figure.ts";
import { FIXED_CODES, QUICK_SCAN_DIMENSIONS, timeLabel } from "./labels.ts";
import { periodInstants, yearPeriod } from "./period.ts";
import { NAME_PLACEHOLDER, removeNames } from "./stories.ts";
import { trendOf } from "./trend.ts";

const series = (values: number[]) => ({
  metric: "contacts_by_team",
  kind: "series" as const,
  rows: values.map((value, i) => ({ key: `k${i}`, label: `Rij ${i}`, value })),
});
const def = { kind: "series" as const, unit: "contacts" as const };

describe("the metrics catalogue", () => {
  it("has unique ids and a name and definition in every language for every metric", () => {
    expect(new Set(METRIC_IDS).size).toBe(METRICS.length);
    for (const m of METRICS) {
      for (const field of ["name", "counts", "date", "people"] as const) {
        for (const locale of ["nl", "en", "fr"] as const)
          expect(m[field][locale], `${m.id}.${field}.${locale}`).toMatch(/\S{3}/);
      }
      if (m.kind === "series" || m.kind === "matrix")
        expect(DIMENSIONS).toContain((m as { dimension?: string }).dimension);
    }
  });

  it("says how anonymous head counts and merged persons count for person figures", () => {
    expect(metricById("persons_reached")!.people.en).toMatch(/merged_into_id/);
    expect(metricById("persons_reached")!.people.en).toMatch(/Anonymous head counts do not count/);
    expect(metricById("persons_reached_estimate")!.counts.en).toMatch(/U \+ A \/ r/);
    expect(metricById("contacts_by_hour")!.counts.en).toMatch(/23:59 counts in hour 23/);
  });

  it("labels every Quick Scan code in every language", () => {
    for (const [dimension, codes] of Object.entries(QUICK_SCAN_DIMENSIONS)) {
      for (const code of codes) {
        const labels = FIXED_CODES[dimension as keyof typeof FIXED_CODES]?.[code];
        expect(labels, `${dimension}.${code}`).toBeDefined();
        expect(Object.values(labels!).every((v) => v.length > 0)).toBe(true);
      }
    }
    expect(Object.keys(FIXED_CODES.action!)).toEqual([...CONTACT_ACTIONS]);
  });

  it("names months, weekdays (Monday first) and hours in the report's language", () => {
    expect(timeLabel("month", 1, "nl")).toBe("januari");
    expect(timeLabel("month", 12, "fr")).toBe("décembre");
    expect(timeLabel("weekday", 1, "en")).toBe("Monday");
    expect(timeLabel("weekday", 7, "nl")).toBe("zondag");
    expect(timeLabel("hour", 23, "nl")).toBe("23 uur");
  });
});

describe("a year is 1 January to 31 December in Brussels", () => {
  it("starts and ends at Brussels midnight (UTC+1 in winter)", () => {
    const { start, end } = periodInstants(yearPeriod(2025));
    expect(start.toISOString()).toBe("2024-12-31T23:00:00.000Z");
    expect(end.toISOString()).toBe("2025-12-31T23:00:00.000Z");
  });
});

describe("presenting figures", () => {
  it("shows raw counts to a coordinator, with the total", () => {
    const f = presentFigure(def, series([3, 12, 40]), { suppress: false, name: "Contacten per team" });
    expect(f.rows.map((r) => r.total.display)).toEqual(["3", "12", "40"]);
    expect(f.total).toEqual({ value: 55, display: "55", suppressed: false });
    expect(f.suppressed).toBe(false);
  });

  it("suppresses a small cell and the complementary cell that would give it away", () => {
    const f = presentFigure(def, series([3, 12, 40, 0]), { suppress: true, name: "Contacten per team" });
    expect(f.rows.map((r) => r.total.display)).toEqual(["<5", "<5", "40", "0"]);
    expect(f.rows[1]!.total.value).toBeNull();
    // The total stays the true sum: with two cells hidden, 55 - 40 = 15 does not give either back.
    expect(f.total.display).toBe("55");
    expect(f.suppressed).toBe(true);
  });

  it("hides a single small number and leaves zero visible", () => {
    const number = { kind: "number" as const, unit: "persons" as const };
    expect(
      presentFigure(number, { metric: "x", kind: "number", value: 4 }, { suppress: true, name: "x" }).total.display,
    ).toBe("<5");
    expect(
      presentFigure(number, { metric: "x", kind: "number", value: 0 }, { suppress: true, name: "x" }).total.display,
    ).toBe("0");
    expect(
      presentFigure(number, { metric: "x", kind: "number", value: 5 }, { suppress: true, name: "x" }).total.display,
    ).toBe("5");
  });

  it("suppresses a matrix with complementary cells in rows and columns", () => {
    const f = presentFigure(
      { kind: "matrix", unit: "referrals" },
      {
        metric: "referrals_by_service_and_outcome",
        kind: "matrix",
        rows: [
          { key: "caw", label: "CAW" },
          { key: "night_shelter", label: "Nachtopvang" },
        ],
        columns: [
          { key: "proposed", label: "Voorgesteld" },
          { key: "done", label: "Gerealiseerd" },
          { key: "refused", label: "Geweigerd" },
        ],
        counts: [
          [2, 10, 20],
          [8, 9, 30],
        ],
      },
      { suppress: true, name: "Toeleidingen" },
    );
    expect(f.rows[0]!.cells[0]!.display).toBe("<5");
    // Row 0 and column 0 each need a second hidden cell.
    expect(f.rows[0]!.cells.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
    expect(f.rows.map((r) => r.cells[0]!).filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
    expect(f.total.display).toBe("79");
    expect(f.columnTotals.map((c) => c.display)).toEqual(["10", "19", "50"]);
  });

  it("shows a share only when numerator and the rest of the denominator are visible", () => {
    const share = { kind: "share" as const, unit: "persons" as const };
    const parts = (a: number, b: number, c: number) => ({
      metric: "new_persons_not_known",
      kind: "share" as const,
      parts: [
        { key: "not_known", label: "nog niet gekend", value: a },
        { key: "known", label: "gekend", value: b },
        { key: "unrecorded", label: "niet geregistreerd", value: c },
      ],
    });
    const open = presentFigure(share, parts(62, 38, 7), { suppress: true, name: "x" });
    expect(open.share).toEqual({
      numerator: { value: 62, display: "62", suppressed: false },
      denominator: { value: 100, display: "100", suppressed: false },
      percent: 62,
    });
    // Three unrecorded are hidden, so the next smallest (known) goes too; the denominator would
    // otherwise give "known" back, and with it the three.
    const hidden = presentFigure(share, parts(30, 10, 3), { suppress: true, name: "x" });
    expect(hidden.rows.map((r) => r.total.display)).toEqual(["30", "<5", "<5"]);
    expect(hidden.share!.denominator.suppressed).toBe(true);
    expect(hidden.share!.percent).toBeNull();
  });
});

describe("the estimate including anonymous head counts", () => {
  it("adds head counts divided by the average contacts per identified person", () => {
    // 40 persons had 120 person-contacts (3 each); 90 anonymous heads are about 30 more people.
    expect(estimateReach({ uniquePersons: 40, personContacts: 120, anonymousHeads: 90 })).toBe(70);
    // Never divides by less than one contact per person.
    expect(estimateReach({ uniquePersons: 10, personContacts: 5, anonymousHeads: 7 })).toBe(17);
    // Without identified persons every head counts.
    expect(estimateReach({ uniquePersons: 0, personContacts: 0, anonymousHeads: 12 })).toBe(12);
  });
});

describe("a trend per year", () => {
  it("sets a series side by side per year, latest year's order first, empty rows left out", () => {
    const year = (y: number, be: number, bg: number, pl: number) => ({
      year: y,
      raw: {
        metric: "persons_by_nationality",
        kind: "series" as const,
        rows: [
          { key: "be", label: "Belgisch", value: be },
          { key: "bg", label: "Bulgaars", value: bg },
          { key: "pl", label: "Pools", value: pl },
          { key: "ro", label: "Roemeens", value: 0 },
        ],
      },
    });
    const t = trendOf("persons_by_nationality", "Nationaliteit", [year(2025, 10, 30, 5), year(2024, 12, 20, 0)]);
    expect(t.kind).toBe("matrix");
    if (t.kind !== "matrix") return;
    expect(t.columns.map((c) => c.key)).toEqual(["2024", "2025"]);
    expect(t.rows.map((r) => r.key)).toEqual(["be", "bg", "pl"]);
    expect(t.counts).toEqual([
      [12, 10],
      [20, 30],
      [0, 5],
    ]);
  });

  it("turns a single number into one row", () => {
    const t = trendOf("contacts_total", "Contacten", [
      { year: 2024, raw: { metric: "contacts_total", kind: "number", value: 7 } },
      { year: 2025, raw: { metric: "contacts_total", kind: "number", value: 9 } },
    ]);
    expect(t.kind === "matrix" && t.counts).toEqual([[7, 9]]);
  });
});

describe("chart specifications", () => {
  it("draws no bar for a suppressed cell but labels it <5", () => {
    const f = presentFigure(def, series([3, 12, 40]), { suppress: true, name: "Contacten per team" });
    expect(hasChart(f)).toBe(true);
    const spec = chartSpec(f) as {
      series: { data: { value: number; label: { formatter: string }; itemStyle?: object }[] }[];
    };
    // Categories read top to bottom: the data is reversed for the y axis.
    const data = spec.series[0]!.data.reverse();
    expect(data.map((d) => d.label.formatter)).toEqual(["<5", "<5", "40"]);
    expect(data[0]!.itemStyle).toEqual({ opacity: 0 });
  });

  it("has no chart for a single number", () => {
    const f = presentFigure(
      { kind: "number", unit: "contacts" },
      { metric: "contacts_total", kind: "number", value: 3 },
      { suppress: false, name: "x" },
    );
    expect(hasChart(f)).toBe(false);
  });
});

describe("names taken out of quotes", () => {
  it("removes the nickname and name parts, ignoring case and accents, whole words only", () => {
    const out = removeNames("Zoë zei: 'Sinds ZOE een sleutel heeft, slaap ik weer.' Janssens knikte. Zoekt werk.", [
      "Zoë",
      "Marie Janssens",
    ]);
    expect(out.text).toBe(
      `${NAME_PLACEHOLDER} zei: 'Sinds ${NAME_PLACEHOLDER} een sleutel heeft, slaap ik weer.' ${NAME_PLACEHOLDER} knikte. Zoekt werk.`,
    );
    expect(out.removed).toBe(3);
  });

  it("removes a full name as a whole", () => {
    expect(removeNames("Ik ben Jan de Smet, zegt hij.", ["Jan de Smet"]).text).toBe(
      `Ik ben ${NAME_PLACEHOLDER}, zegt hij.`,
    );
  });
});
