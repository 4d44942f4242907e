import { useEffect, useRef } from "react";
import { BarChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import type { EChartsCoreOption } from "echarts/core";

// Only the pieces of ECharts the console draws. Only the pages with charts import this module, and they are loaded
// lazily: the signed-in shell never carries ECharts.
echarts.use([PieChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export const lightColor: Record<string, string> = { GREEN: "#2e9e5b", YELLOW: "#e6a700", RED: "#d64040" };

export function Chart({ option, label, height = 280 }: { option: EChartsCoreOption; label: string; height?: number }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(element.current!);
    chart.setOption(option);
    const resize = () => chart.resize();
    addEventListener("resize", resize);
    return () => {
      removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [option]);
  return <div className="chart" ref={element} role="img" aria-label={label} style={{ height }} />;
}
