"use client";

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type TProps = {
  data: Record<string, string | number>[];
  /** One area per series, drawn bottom to top in this order. */
  series: { key: string; label: string; color: string }[];
  xKey: string;
  summary: string;
};

/** Cumulative counts split into parts (e.g. by entry path), stacked. */
export function StackedAreaChart({ data, series, xKey, summary }: TProps) {
  return (
    <div role="img" aria-label={summary} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: -12 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey={xKey} tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} minTickGap={16} />
          <YAxis tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={false} allowDecimals={false} width={48} />
          <Tooltip contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#cbd5e1" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Area key={s.key} type="monotone" dataKey={s.key} name={s.label} stackId="1" stroke={s.color} fill={s.color} fillOpacity={0.55} isAnimationActive={false} />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
