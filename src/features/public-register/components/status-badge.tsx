import { cn } from "@/components/ui/cn";

export type TBadgeStatus = "valid" | "revoked" | "notFound";

const TONES: Record<TBadgeStatus, string> = {
  valid: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  revoked: "bg-red-50 text-red-800 ring-red-300",
  notFound: "bg-slate-100 text-slate-700 ring-slate-300",
};

// The mark repeats the meaning in shape, not only colour: ✓ valid, ✕ revoked, ? not found.
const MARKS: Record<TBadgeStatus, string> = { valid: "✓", revoked: "✕", notFound: "?" };

/** A certificate's public status; the label is passed in already translated. */
export function StatusBadge({ status, label, size = "sm" }: { status: TBadgeStatus; label: string; size?: "sm" | "lg" }) {
  return (
    <span
      data-status={status}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full font-semibold ring-1 ring-inset whitespace-nowrap print:ring-slate-400",
        size === "lg" ? "px-3 py-1 text-sm" : "px-2 py-0.5 text-xs",
        TONES[status],
      )}
    >
      <span aria-hidden>{MARKS[status]}</span>
      {label}
    </span>
  );
}
