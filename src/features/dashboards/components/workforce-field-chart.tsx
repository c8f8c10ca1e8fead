"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { wrappedTick } from "@/components/charts/wrapped-tick";

export type TFieldChartRow = { label: string; required: number; filled: number; qualified: number };

type TProps = {
  data: TFieldChartRow[];
  labels: { required: string; filled: string; qualified: string };
  /** Screen-reader summary; the page also shows the figures as a table. */
  summary: string;
};

const COLORS = { required: "#94a3b8", filled: "#2f6fae", qualified: "#174877" };
const AXIS_WIDTH = 176;
const Tick = wrappedTick(AXIS_WIDTH);

/** Required, filled and filled-by-qualified places for each practice field, side by side, with the values printed (never colour alone). */
export function WorkforceFieldChart({ data, labels, summary }: TProps) {
  const height = Math.max(200, data.length * 78 + 48);
  return (
    <div role="img" aria-label={summary} className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 36, bottom: 4, left: 4 }} barGap={2} barCategoryGap={14} accessibilityLayer={false}>
          <CartesianGrid stroke="#eef2f7" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} />
          <YAxis type="category" dataKey="label" width={AXIS_WIDTH} tick={<Tick />} tickLine={false} axisLine={false} interval={0} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#cbd5e1" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {(["required", "filled", "qualified"] as const).map((key) => (
            <Bar key={key} dataKey={key} name={labels[key]} fill={COLORS[key]} radius={[0, 3, 3, 0]} barSize={14} isAnimationActive={false}>
              <LabelList dataKey={key} position="right" style={{ fontSize: 11, fill: "#0f172a" }} />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
