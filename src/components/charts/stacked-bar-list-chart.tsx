"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { TICK_LINE_HEIGHT, tickLines, wrappedTick } from "./wrapped-tick";

type TProps = {
  data: Record<string, string | number>[];
  /** One segment per series, left to right in this order. */
  series: { key: string; label: string; color: string }[];
  /** The key of each row's category name. */
  labelKey: string;
  summary: string;
};

const AXIS_WIDTH = 168;
const Tick = wrappedTick(AXIS_WIDTH);

/** Horizontal bars split into parts (e.g. statuses) per category, with a legend; the figures are also given as a table beside it. */
export function StackedBarListChart({ data, series, labelKey, summary }: TProps) {
  const lines = tickLines(data.map((d) => String(d[labelKey])), AXIS_WIDTH);
  const height = Math.max(140, data.length * Math.max(34, lines * TICK_LINE_HEIGHT + 14) + 56);
  return (
    <div role="img" aria-label={summary} className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#eef2f7" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} />
          <YAxis type="category" dataKey={labelKey} width={AXIS_WIDTH} tick={<Tick />} tickLine={false} axisLine={false} interval={0} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#cbd5e1" }} />
          {/* The statuses in their own order (overdue → done), not sorted by name. */}
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => series.findIndex((s) => s.key === item.dataKey)} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="1" fill={s.color} barSize={18} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
