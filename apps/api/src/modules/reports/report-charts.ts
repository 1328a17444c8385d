// Server-side charts: the same ECharts option the dashboard draws (chartSpec in the domain), rendered
// to an SVG string without a browser, for the PDF.
import { type ChartOption, chartHeight, chartSpec, type Dimension, type Figure, hasChart } from "@vindplaats/domain";
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, AriaComponent, SVGRenderer]);

export const CHART_WIDTH = 500;

/** The figure's chart as SVG, or null when it has none (a single number). */
export function renderChartSvg(
  figure: Figure,
  dimension: Dimension | null | undefined,
  fontFamily = "Roboto",
): { svg: string; height: number } | null {
  if (!hasChart(figure)) return null;
  const height = chartHeight(figure, dimension ?? undefined);
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: CHART_WIDTH, height });
  try {
    chart.setOption(
      chartSpec(figure, {
        dimension: dimension ?? undefined,
        fontFamily,
        maxRows: 20,
      }) as ChartOption as echarts.EChartsCoreOption,
    );
    return { svg: chart.renderToSVGString(), height };
  } finally {
    chart.dispose();
  }
}
