// A figure as a plain table (header + rows) for CSV, XLSX and the PDF: counts stay numbers, a
// suppressed cell is its "<5" text, totals come last. One function, so every export agrees.
import { type Figure, type FigureCell, MISC_LABELS, type ReportLocale } from "@vindplaats/domain";

export type TableValue = string | number;
export interface PlainTable {
  header: string[];
  rows: TableValue[][];
}

const value = (c: FigureCell): TableValue => (c.suppressed || c.value === null ? c.display : c.value);

export function figureTable(figure: Figure, locale: ReportLocale): PlainTable {
  const total = MISC_LABELS.total[locale];
  const count = MISC_LABELS[figure.unit === "mentions" ? "mentions" : "value"][locale];
  switch (figure.kind) {
    case "number":
      return { header: [figure.name, count], rows: [[figure.name, value(figure.total)]] };
    case "matrix": {
      // A trend has no row totals: a sum over years means nothing.
      const withTotals = figure.hasRowTotals;
      const end = (c: FigureCell) => (withTotals ? [value(c)] : []);
      return {
        header: [figure.name, ...figure.columns.map((c) => c.label), ...(withTotals ? [total] : [])],
        rows: [
          ...figure.rows.map((r) => [r.label, ...r.cells.map(value), ...end(r.total)]),
          [total, ...figure.columnTotals.map(value), ...end(figure.total)],
        ],
      };
    }
    case "series":
    case "share": {
      const rows: TableValue[][] = [...figure.rows.map((r) => [r.label, value(r.total)]), [total, value(figure.total)]];
      if (figure.share)
        rows.push([
          MISC_LABELS.share[locale],
          figure.share.percent === null ? "–" : `${formatPercent(figure.share.percent, locale)}`,
        ]);
      return { header: [figure.name, count], rows };
    }
  }
}

export function formatPercent(percent: number, locale: ReportLocale): string {
  return `${new Intl.NumberFormat(locale === "en" ? "en-GB" : `${locale}-BE`, { maximumFractionDigits: 1 }).format(percent)} %`;
}

/** A spreadsheet must not run a cell as a formula (CSV injection). */
export const safeText = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function toCsv(rows: TableValue[][]): string {
  const cell = (v: TableValue) => {
    if (typeof v === "number") return String(v);
    const s = safeText(v);
    return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
