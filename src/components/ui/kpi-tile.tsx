import type { ReactNode } from "react";
import { cn } from "./cn";

export type TKpiTone = "brand" | "amber" | "green" | "red" | "slate";

const TONES: Record<TKpiTone, string> = {
  brand: "text-brand-800",
  amber: "text-amber-800",
  green: "text-emerald-800",
  red: "text-red-800",
  slate: "text-slate-900",
};

/**
 * One headline figure of a dashboard or a summary: a term and its value inside a `<dl>`. The
 * value carries the test id, so a test reads the figure and not the label around it.
 */
export function KpiTile({ label, value, note, tone = "brand", compact, testId }: { label: string; value: ReactNode; note?: ReactNode; tone?: TKpiTone; compact?: boolean; testId: string }) {
  return (
    <div className={cn("rounded-lg border border-slate-200 bg-white", compact ? "px-4 py-3" : "px-5 py-4 shadow-sm")}>
      <dt className={compact ? "text-xs font-medium text-slate-500" : "text-sm font-medium text-slate-600"}>{label}</dt>
      <dd className={cn("mt-1 font-semibold tabular-nums", compact ? "text-2xl" : "text-3xl", TONES[tone])} data-testid={testId}>
        {value}
      </dd>
      {note ? <dd className="mt-1 text-xs text-slate-500">{note}</dd> : null}
    </div>
  );
}

/** The grid of KPI tiles: a description list, so each figure is read with its label. */
export function KpiGrid({ children, className = "sm:grid-cols-2 xl:grid-cols-4" }: { children: ReactNode; className?: string }) {
  return <dl className={cn("grid gap-4", className)}>{children}</dl>;
}
