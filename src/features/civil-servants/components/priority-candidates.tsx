import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TPriorityCandidate } from "@/server/civil-servants/hiring-priority";
import { experienceYears, PRIORITY_EXPERIENCE_YEARS } from "@/domain/civil-servants/rules";
import { localName } from "@/i18n/local-name";
import { Badge } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";

/** The mark in front of a candidate with priority in the assign form's list. */
export async function priorityLabel(): Promise<string> {
  const t = await getTranslations("civilServants.priority");
  return t("mark");
}

/**
 * A department post's candidates from the register, those with hiring priority (a verified
 * certificate and two years' social-work experience) first, each with the reason.
 */
export async function PriorityCandidates({ candidates }: { candidates: TPriorityCandidate[] }) {
  const [t, te, locale, format] = await Promise.all([getTranslations("civilServants.priority"), getTranslations("enums"), getLocale(), getFormatter()]);
  const years = (days: number) => format.number(experienceYears(days));
  return (
    <div className="space-y-2" data-testid="priority-candidates">
      <p className="text-sm text-slate-700" data-testid="priority-rule">{t("rule", { years: PRIORITY_EXPERIENCE_YEARS })}</p>
      {candidates.length ? (
        <DataTable
          caption={t("title")}
          hover
          columns={[{ label: t("columns.person") }, { label: t("columns.level") }, { label: t("columns.experience"), numeric: true }, { label: t("columns.priority") }]}
          rows={candidates.map((c) => ({
            key: c.id,
            testId: "priority-candidate",
            data: { name: c.name, priority: String(c.priority) },
            cells: [
              <div key="p">
                <Link href={`/practitioners/${c.id}`} className="font-medium text-brand-700 hover:underline">{c.name}</Link>
                {c.organization ? <span className="block text-xs text-slate-500">{localName(c.organization, locale)}</span> : null}
              </div>,
              te(`qualificationLevel.${c.qualificationLevel}`),
              t("yearsValue", { years: years(c.experienceDays) }),
              c.priority ? (
                <div key="b">
                  <Badge tone="green">{t("badge")}</Badge>
                  <span className="mt-1 block text-xs text-slate-600" data-testid="priority-reason">{t("reason", { level: te(`qualificationLevel.${c.qualificationLevel}`), years: years(c.experienceDays) })}</span>
                </div>
              ) : (
                <span key="b" className="text-xs text-slate-500">{t("none")}</span>
              ),
            ],
          }))}
        />
      ) : null}
    </div>
  );
}
