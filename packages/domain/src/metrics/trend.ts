// A trend per year for any figure: the figure computed for each year, set side by side as a table
// with the years as columns (like the seed's table of registered nationalities per year). A single
// number becomes one row; a share its parts; a matrix its row totals.
import type { Heading, RawFigure } from "./figure.ts";

function rowValues(raw: RawFigure, name: string): { key: string; label: string; value: number }[] {
  switch (raw.kind) {
    case "number":
      return [{ key: raw.metric, label: name, value: raw.value }];
    case "share":
      return raw.parts;
    case "series":
      return raw.rows;
    case "matrix":
      return raw.rows.map((r, i) => ({ ...r, value: (raw.counts[i] ?? []).reduce((a, b) => a + b, 0) }));
  }
}

/** Years as columns, oldest first; rows in the order of the latest year, rows that stay zero left out. */
export function trendOf(metric: string, name: string, perYear: { year: number; raw: RawFigure }[]): RawFigure {
  const years = [...perYear].sort((a, b) => a.year - b.year);
  const values = years.map((y) => new Map(rowValues(y.raw, name).map((r) => [r.key, r])));
  const order: Heading[] = [];
  const seen = new Set<string>();
  for (const map of [...values].reverse()) {
    for (const r of map.values()) {
      if (seen.has(r.key)) continue;
      seen.add(r.key);
      order.push({ key: r.key, label: r.label });
    }
  }
  const counts = order.map((row) => values.map((map) => map.get(row.key)?.value ?? 0));
  const kept = order
    .map((row, i) => ({ row, counts: counts[i]! }))
    .filter((r) => r.counts.some((n) => n > 0) || order.length === 1);
  return {
    metric,
    kind: "matrix",
    rows: kept.map((r) => r.row),
    columns: years.map((y) => ({ key: String(y.year), label: String(y.year) })),
    counts: kept.map((r) => r.counts),
  };
}
