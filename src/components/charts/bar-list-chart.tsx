"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { TICK_LINE_HEIGHT, tickLines, wrappedTick } from "./wrapped-tick";

type TProps = {
  data: { label: string; value: number }[];
  summary: string;
  color?: string;
  valueLabel: string;
};

/** Room for the category names at the left; a longer name wraps onto more lines. */
const AXIS_WIDTH = 168;
const Tick = wrappedTick(AXIS_WIDTH);

/** Horizontal bars with the value printed at each bar's end (never colour alone). */
export function BarListChart({ data, summary, color = "#2f6fae", valueLabel }: TProps) {
  const lines = tickLines(data.map((d) => d.label), AXIS_WIDTH);
  const height = Math.max(120, data.length * Math.max(34, lines * TICK_LINE_HEIGHT + 14) + 24);
  return (
    <div role="img" aria-label={summary} className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 36, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#eef2f7" horizontal={false} />
          <XAxis type="number" allowDecimals={false} hide />
          <YAxis type="category" dataKey="label" width={AXIS_WIDTH} tick={<Tick />} tickLine={false} axisLine={false} interval={0} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#cbd5e1" }} />
          <Bar dataKey="value" name={valueLabel} fill={color} radius={[0, 4, 4, 0]} barSize={18} isAnimationActive={false}>
            <LabelList dataKey="value" position="right" style={{ fontSize: 12, fill: "#0f172a" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
