import { cn } from "@/components/ui/cn";

/**
 * A fill rate as a bar and its figure. The bar is decoration (aria-hidden); the text carries
 * the value. Over-filling (more than 100 %) shows a full bar and the real figure.
 */
export function FillBar({ rate, label, className }: { rate: number | null; label: string; className?: string }) {
  const width = rate === null ? 0 : Math.max(0, Math.min(1, rate)) * 100;
  const tone = rate === null ? "bg-slate-300" : rate >= 1 ? "bg-emerald-600" : rate >= 0.5 ? "bg-amber-500" : "bg-red-600";
  return (
    <div className={cn("flex min-w-24 items-center gap-2", className)}>
      <div aria-hidden className="h-2 w-12 shrink-0 overflow-hidden rounded-full bg-slate-200">
        <div className={cn("h-full rounded-full", tone)} style={{ width: `${width}%` }} />
      </div>
      <span className="whitespace-nowrap text-sm tabular-nums text-slate-800">{label}</span>
    </div>
  );
}
