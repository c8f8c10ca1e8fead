"use client";

import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TGrowthChartPoint = { label: string; actual?: number | null; target?: number | null; forecast?: number | null };

type TProps = {
  data: TGrowthChartPoint[];
  labels: { actual: string; target: string; forecast: string };
  /** Screen-reader summary; the page also renders the figures as a table. */
  summary: string;
  showTarget: boolean;
};

const COLORS = { actual: "#174877", target: "#94a3b8", forecast: "#2f6fae" };

/** Actual cumulative count against the target line, with the forecast dashed. */
export function GrowthLineChart({ data, labels, summary, showTarget }: TProps) {
  return (
    <div role="img" aria-label={summary} className="h-72 w-full sm:h-80">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: -12 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} minTickGap={16} />
          <YAxis tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={false} allowDecimals={false} width={48} />
          <Tooltip formatter={(v) => (typeof v === "number" ? Math.round(v * 10) / 10 : v)} contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#cbd5e1" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {showTarget ? <Line type="linear" dataKey="target" name={labels.target} stroke={COLORS.target} strokeWidth={2} dot={false} isAnimationActive={false} /> : null}
          <Line type="monotone" dataKey="actual" name={labels.actual} stroke={COLORS.actual} strokeWidth={2.5} dot={{ r: 2.5 }} isAnimationActive={false} connectNulls={false} />
          <Line type="linear" dataKey="forecast" name={labels.forecast} stroke={COLORS.forecast} strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} connectNulls={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
