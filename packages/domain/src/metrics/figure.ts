// From raw counts to a presented figure: labels kept, totals added and, when the figure is exported
// or shown to a director, small cells suppressed with their complementary cells (suppression.ts).
// One shape for every kind, so tables, charts, CSV, XLSX and PDF all read the same thing.
import { DEFAULT_THRESHOLD, type SuppressedCell, suppressSeries, suppressTable } from "../suppression.ts";
import type { MetricDefinition, MetricKind, MetricUnit } from "./catalogue.ts";

export type FigureCell = SuppressedCell;

export interface RawRow {
  key: string;
  label: string;
  value: number;
}

export interface Heading {
  key: string;
  label: string;
}

/** Counts as computed, before presentation. A share's first part is the numerator; the first two the denominator. */
export type RawFigure =
  | { metric: string; kind: "number"; value: number }
  | { metric: string; kind: "share"; parts: RawRow[] }
  | { metric: string; kind: "series"; rows: RawRow[] }
  | { metric: string; kind: "matrix"; rows: Heading[]; columns: Heading[]; counts: number[][] };

export interface FigureRow extends Heading {
  cells: FigureCell[];
  total: FigureCell;
}

export interface Figure {
  metric: string;
  kind: MetricKind;
  unit: MetricUnit;
  name: string;
  total: FigureCell;
  rows: FigureRow[];
  columns: Heading[];
  columnTotals: FigureCell[];
  share: { numerator: FigureCell; denominator: FigureCell; percent: number | null } | null;
  /** Whether small-cell suppression was applied. */
  suppressed: boolean;
  /** Whether rows carry a total (a trend's sum over years means nothing and is left out). */
  hasRowTotals: boolean;
}

export interface PresentOptions {
  suppress: boolean;
  name: string;
  threshold?: number;
  /**
   * Suppress each column on its own, as the figure of that column alone would be, without row totals:
   * for trends, so a year's numbers read the same as in that year's own figures.
   */
  byColumn?: boolean;
}

const shown = (value: number): FigureCell => ({ value, display: String(value), suppressed: false });
const hiddenCell = (threshold: number): FigureCell => ({ value: null, display: `<${threshold}`, suppressed: true });
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function presentFigure(
  def: Pick<MetricDefinition, "kind" | "unit">,
  raw: RawFigure,
  options: PresentOptions,
): Figure {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const base = {
    metric: raw.metric,
    kind: def.kind,
    unit: def.unit,
    name: options.name,
    suppressed: options.suppress,
    hasRowTotals: true,
  };
  const empty = { rows: [] as FigureRow[], columns: [] as Heading[], columnTotals: [] as FigureCell[], share: null };
  switch (raw.kind) {
    case "number": {
      const total = options.suppress ? suppressSeries([raw.value], threshold).total : shown(raw.value);
      return { ...base, ...empty, total };
    }
    case "series":
    case "share": {
      const rows = raw.kind === "series" ? raw.rows : raw.parts;
      const values = rows.map((r) => r.value);
      const s = options.suppress
        ? suppressSeries(values, threshold)
        : { cells: values.map(shown), total: shown(sum(values)) };
      const figureRows = rows.map((r, i) => ({ key: r.key, label: r.label, cells: [s.cells[i]!], total: s.cells[i]! }));
      const figure = { ...base, ...empty, rows: figureRows, total: s.total };
      return raw.kind === "share"
        ? { ...figure, share: shareOf(s.cells, values, threshold, options.suppress) }
        : figure;
    }
    case "matrix": {
      if (options.byColumn) return { ...base, ...byColumn(raw, options.suppress, threshold), hasRowTotals: false };
      const t = options.suppress
        ? suppressTable(raw.counts, threshold)
        : {
            cells: raw.counts.map((r) => r.map(shown)),
            rowTotals: raw.counts.map((r) => shown(sum(r))),
            columnTotals: raw.columns.map((_, j) => shown(sum(raw.counts.map((r) => r[j] ?? 0)))),
            total: shown(sum(raw.counts.map(sum))),
          };
      const rows = raw.rows.map((r, i) => ({ ...r, cells: t.cells[i] ?? [], total: t.rowTotals[i]! }));
      // A table without rows still has its columns, each with a zero total.
      const columnTotals = raw.rows.length ? t.columnTotals : raw.columns.map(() => shown(0));
      return { ...base, ...empty, rows, columns: raw.columns, columnTotals, total: t.total };
    }
  }
}

const NO_TOTAL: FigureCell = { value: null, display: "", suppressed: false };

function byColumn(raw: Extract<RawFigure, { kind: "matrix" }>, suppress: boolean, threshold: number) {
  const columns = raw.columns.map((_, j) => {
    const values = raw.counts.map((r) => r[j] ?? 0);
    return suppress ? suppressSeries(values, threshold) : { cells: values.map(shown), total: shown(sum(values)) };
  });
  return {
    rows: raw.rows.map((r, i) => ({ ...r, cells: columns.map((c) => c.cells[i]!), total: NO_TOTAL })),
    columns: raw.columns,
    columnTotals: columns.map((c) => c.total),
    total: NO_TOTAL,
    share: null,
  };
}

/**
 * The share of the first part in the first two. The denominator is shown only when both parts are
 * visible: otherwise denominator minus numerator would give a hidden part (or the total minus the
 * denominator a hidden third part) away.
 */
function shareOf(cells: FigureCell[], values: number[], threshold: number, suppress: boolean) {
  const numerator = cells[0]!;
  const other = cells[1] ?? shown(0);
  const denominatorValue = (values[0] ?? 0) + (values[1] ?? 0);
  const visible = !numerator.suppressed && !other.suppressed;
  const denominator = !suppress || visible ? shown(denominatorValue) : hiddenCell(threshold);
  const percent =
    visible && denominatorValue > 0 ? Math.round((1000 * (values[0] ?? 0)) / denominatorValue) / 10 : null;
  return { numerator, denominator, percent };
}

/** The estimate of reach including anonymous head counts (see the catalogue): U + A / r, r = P / U. */
export function estimateReach(input: {
  uniquePersons: number;
  personContacts: number;
  anonymousHeads: number;
}): number {
  const { uniquePersons: u, personContacts: p, anonymousHeads: a } = input;
  if (u <= 0 || p <= 0) return a;
  const contactsPerPerson = Math.max(1, p / u);
  return Math.round(u + a / contactsPerPerson);
}
