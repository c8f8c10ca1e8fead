"use client";

import { useTranslations } from "next-intl";
import type { TEligibilityLine } from "@/domain/service-calls/eligibility";

/** The eligibility check, line by line: each line passed or not met, with its figures. */
export function EligibilityLines({ lines, testId = "eligibility-lines" }: { lines: readonly TEligibilityLine[]; testId?: string }) {
  const t = useTranslations("serviceCalls.eligibility");
  const tr = useTranslations("enums.agencyRatingLevel");
  const rating = (v: string | number | undefined) => (v ? tr(String(v) as "A1") : t("unrated"));
  const text = (l: TEligibilityLine) => {
    const p = l.params;
    switch (l.key) {
      case "rating":
        return p.required ? t("lines.rating", { required: rating(p.required), actual: rating(p.actual) }) : t("lines.ratingNone");
      case "noFailedEvaluation":
        return t("lines.noFailedEvaluation", { days: Number(p.days ?? 0) });
      case "staffEmployed":
        return l.ok ? t("lines.staffEmployed") : t("lines.staffEmployedFail", { count: Number(p.count ?? 0), names: p.names ? `(${String(p.names)})` : "" });
      case "staffing":
        return t("lines.staffing", { counting: Number(p.counting ?? 0), named: Number(p.named ?? 0), minStaff: Number(p.minStaff ?? 0), minPercent: Number(p.minPercent ?? 0) });
      default:
        return t(`lines.${l.key}`);
    }
  };
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm" data-testid={testId}>
      {lines.map((l) => (
        <li key={l.key} className="flex items-start gap-3 px-3 py-2" data-testid={`eligibility-${l.key}`} data-ok={l.ok ? "1" : "0"}>
          <span className={l.ok ? "mt-0.5 shrink-0 rounded bg-green-50 px-1.5 text-xs font-medium text-green-800" : "mt-0.5 shrink-0 rounded bg-red-50 px-1.5 text-xs font-medium text-red-800"}>
            {l.ok ? t("passed") : t("failed")}
          </span>
          <span className={l.ok ? "text-slate-700" : "text-slate-900"}>{text(l)}</span>
        </li>
      ))}
    </ul>
  );
}
