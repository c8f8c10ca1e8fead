"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { wrappedTick } from "@/components/charts/wrapped-tick";

type TProps = {
  /** One bar per row: the covered share in percent (0–100), and its label as printed ("67 %"). */
  data: { label: string; percent: number; text: string }[];
  /** Screen-reader summary; the figures are also in a table beside the chart. */
  summary: string;
};

const AXIS_WIDTH = 176;
const Tick = wrappedTick(AXIS_WIDTH);

/** Covered shares as horizontal bars on a 0–100 % scale, each with its value printed (never colour alone). */
export function CoverageChart({ data, summary }: TProps) {
  const height = Math.max(120, data.length * 34 + 24);
  return (
    <div role="img" aria-label={summary} className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#eef2f7" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} hide />
          <YAxis type="category" dataKey="label" width={AXIS_WIDTH} tick={<Tick />} tickLine={false} axisLine={false} interval={0} />
          <Bar dataKey="percent" fill="#2f6fae" radius={[0, 4, 4, 0]} barSize={18} isAnimationActive={false} background={{ fill: "#f1f5f9" }}>
            <LabelList dataKey="text" position="right" style={{ fontSize: 12, fill: "#0f172a" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
