// One ECharts chart, drawn with the SVG renderer from the same option the PDF uses (chartSpec in the
// domain package). Only the chart types and components used are bundled (echarts/core).
import { type ChartFigure, type ChartOption, chartHeight, chartSpec, type Dimension } from "@vindplaats/domain";
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  AriaComponent,
  SVGRenderer,
]);

export function EChart({
  figure,
  dimension,
  label,
}: {
  figure: ChartFigure;
  dimension: Dimension | null;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const height = chartHeight(figure, dimension ?? undefined);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, null, { renderer: "svg" });
    const option = chartSpec(figure, {
      dimension: dimension ?? undefined,
      fontFamily: "Inter Variable, system-ui, sans-serif",
    }) as ChartOption;
    chart.setOption({
      ...option,
      tooltip: { trigger: figure.kind === "share" ? "item" : "axis" },
    } as echarts.EChartsCoreOption);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [figure, dimension]);

  return (
    <div ref={ref} className="echart" role="img" aria-label={label} style={{ height }} data-metric={figure.metric} />
  );
}
