import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { TIntegrityFlag } from "@/domain/agencies/integrity";
import { cn } from "@/components/ui/cn";

// The flag an agency carries while a blacklist or abnormal-operation list entry is in force
// (plan.md T4). Shown wherever agencies are listed, so nobody picks a flagged agency unawares.
// Works in server and client components alike (no async, no state).

const STYLE: Record<TIntegrityFlag, string> = {
  BLACKLIST: "bg-red-700 text-white ring-red-800",
  ABNORMAL_LIST: "bg-amber-100 text-amber-950 ring-amber-400",
};

export function IntegrityFlags({ flags, empty = null, className }: { flags: readonly TIntegrityFlag[]; empty?: ReactNode; className?: string }) {
  const t = useTranslations("agencies.flags");
  if (!flags.length) return <>{empty}</>;
  return (
    <ul className={cn("flex flex-wrap gap-1", className)} aria-label={t("label")}>
      {flags.map((f) => (
        <li key={f}>
          <span data-testid="integrity-flag" data-flag={f} className={cn("inline-flex items-center gap-1 whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ring-1 ring-inset", STYLE[f])}>
            <span aria-hidden>⚠</span>
            {f === "BLACKLIST" ? t("BLACKLIST") : t("ABNORMAL_LIST")}
          </span>
        </li>
      ))}
    </ul>
  );
}
