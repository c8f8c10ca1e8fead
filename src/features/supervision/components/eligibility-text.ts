import { getFormatter, getTranslations } from "next-intl/server";
import { dayFormatter } from "@/domain/common/day-format";
import type { TEligibility, TIneligibleReason, TSupervisionSettings } from "@/domain/supervision/rules";

/**
 * The supervisor rule and a person's standing under it, in the reader's language and in the
 * rule's own words: the rule's sentence, "eligible: …" or each reason that stands in the way.
 */
export async function eligibilityWords() {
  const [t, te, format] = await Promise.all([getTranslations("supervision.eligibility"), getTranslations("enums.qualificationLevel"), getFormatter()]);
  const day = dayFormatter(format);
  const reason = (r: TIneligibleReason): string => {
    switch (r.code) {
      case "notActive":
        return t("reasons.notActive");
      case "levelBelow":
        return t("reasons.levelBelow", { level: te(r.level), minLevel: te(r.minLevel) });
      case "noPractice":
        return t("reasons.noPractice", { minYears: r.minYears });
      case "tooFewYears":
        return t("reasons.tooFewYears", { years: r.years, minYears: r.minYears, since: day(r.since), eligibleFrom: day(r.eligibleFrom) });
    }
  };
  return {
    rule: (s: Pick<TSupervisionSettings, "supervisorMinLevel" | "supervisorMinYears" | "supervisorMaxSupervisees">) =>
      t("rule", { level: te(s.supervisorMinLevel), years: s.supervisorMinYears, cap: s.supervisorMaxSupervisees }),
    /** One line: "Eligible: …" or "Not eligible: reason; reason". */
    summary: (e: TEligibility): string =>
      e.eligible
        ? e.basis === "approved"
          ? t("eligibleApproved")
          : t("eligibleLevelAndYears", { years: e.years ?? 0, since: day(e.since) })
        : t("notEligible", { reasons: e.reasons.map(reason).join(t("separator")) }),
    reasons: (e: TEligibility): string[] => (e.eligible ? [] : e.reasons.map(reason)),
    label: (e: TEligibility): string => (e.eligible ? t("badgeEligible") : t("badgeNotEligible")),
  };
}
