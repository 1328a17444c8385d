// The ECharts option of a figure: one function, used by the dashboard in the browser and by the
// report's PDF on the server (rendered there to SVG), so a chart looks the same in both. Suppressed
// cells draw no bar and carry their "<5" as the label. Plain data only: no ECharts import here.
import type { Dimension } from "./catalogue.ts";
import type { Figure } from "./figure.ts";

export type ChartOption = Record<string, unknown>;

/** What a chart needs of a figure (the API's view of a figure has the same fields). */
export type ChartFigure = Pick<Figure, "metric" | "kind" | "name" | "rows" | "columns">;

export const CHART_COLOURS = ["#1f5f5b", "#e9b949", "#5b8fb9", "#b5533c", "#7a9a3a", "#8e6bb0", "#c9822b", "#4f6b70"];
const TEXT = "#1c2426";
const MUTED = "#535f62";

/** Dimensions with a natural order read left to right; categories read top to bottom. */
const ORDERED: readonly Dimension[] = ["month", "weekday", "hour", "year"];

export interface ChartSpecOptions {
  dimension?: Dimension | undefined;
  /** Font family the renderer has (the PDF's embedded font). */
  fontFamily?: string;
  /** Rows beyond this many are left to the table (long place lists). */
  maxRows?: number;
}

interface DataPoint {
  value: number;
  label: { show: boolean; formatter: string };
  itemStyle?: Record<string, unknown>;
}

const point = (cell: { value: number | null; display: string; suppressed: boolean }): DataPoint => ({
  value: cell.value ?? 0,
  label: { show: true, formatter: cell.display },
  ...(cell.suppressed ? { itemStyle: { opacity: 0 } } : {}),
});

/** Whether a figure has a chart at all (a single number does not). */
export function hasChart(figure: ChartFigure): boolean {
  return figure.kind !== "number" && figure.rows.length > 0;
}

export function chartSpec(figure: ChartFigure, options: ChartSpecOptions = {}): ChartOption {
  const textStyle = { color: TEXT, fontFamily: options.fontFamily ?? "sans-serif", fontSize: 11 };
  const common = { animation: false, color: CHART_COLOURS, textStyle, aria: { enabled: true } };
  const rows = figure.rows.slice(0, options.maxRows ?? 25);
  const ordered = options.dimension ? ORDERED.includes(options.dimension) : false;
  const isTrend = figure.kind === "matrix" && figure.columns.length > 1 && options.dimension === "year";

  if (figure.kind === "share") {
    return {
      ...common,
      series: [
        {
          type: "pie",
          radius: ["45%", "70%"],
          label: { color: TEXT, formatter: "{b}: {@[0]}" },
          data: rows.map((r) => ({
            name: r.label,
            value: r.total.value ?? 0,
            label: { formatter: `${r.label}: ${r.total.display}` },
          })),
        },
      ],
    };
  }
  if (isTrend) {
    // Years across, one line per row (category).
    return {
      ...common,
      legend: { top: 0, textStyle, type: "scroll" },
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      xAxis: { type: "category", data: figure.columns.map((c) => c.label), axisLabel: { color: MUTED } },
      yAxis: { type: "value", minInterval: 1, axisLabel: { color: MUTED } },
      series: rows.map((r) => ({
        type: "line",
        name: r.label,
        data: r.cells.map((c) => c.value),
        connectNulls: false,
      })),
    };
  }
  if (figure.kind === "matrix") {
    const categories = rows.map((r) => r.label).reverse();
    return {
      ...common,
      legend: { top: 0, textStyle },
      grid: { left: 8, right: 32, top: 32, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
      xAxis: { type: "value", minInterval: 1, axisLabel: { color: MUTED } },
      yAxis: { type: "category", data: categories, axisLabel: { color: TEXT, width: 160, overflow: "truncate" } },
      series: figure.columns.map((c, j) => ({
        type: "bar",
        name: c.label,
        data: rows.map((r) => point(r.cells[j]!)).reverse(),
      })),
    };
  }
  if (ordered) {
    return {
      ...common,
      grid: { left: 40, right: 16, top: 24, bottom: 40 },
      xAxis: {
        type: "category",
        data: rows.map((r) => r.label),
        axisLabel: { color: MUTED, interval: 0, rotate: rows.length > 12 ? 45 : 0 },
      },
      yAxis: { type: "value", minInterval: 1, axisLabel: { color: MUTED } },
      series: [{ type: "bar", name: figure.name, data: rows.map((r) => point(r.total)), label: { position: "top" } }],
    };
  }
  const categories = rows.map((r) => r.label).reverse();
  return {
    ...common,
    grid: { left: 8, right: 40, top: 8, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
    xAxis: { type: "value", minInterval: 1, axisLabel: { color: MUTED } },
    yAxis: { type: "category", data: categories, axisLabel: { color: TEXT, width: 180, overflow: "truncate" } },
    series: [
      {
        type: "bar",
        name: figure.name,
        data: rows
          .map((r) => ({ ...point(r.total), label: { show: true, position: "right", formatter: r.total.display } }))
          .reverse(),
      },
    ],
  };
}

/** Height in pixels that fits the chart's rows. */
export function chartHeight(figure: ChartFigure, dimension?: Dimension): number {
  if (figure.kind === "share") return 240;
  if (dimension && ORDERED.includes(dimension)) return 260;
  const rows = Math.min(figure.rows.length, 25);
  const perRow = figure.kind === "matrix" ? 28 : 22;
  return Math.max(160, 48 + rows * perRow);
}
