import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { TSupervisorLoadRow } from "@/server/supervision/queries";
import { localName } from "@/i18n/local-name";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { SectionCard } from "@/components/ui/section-card";
import { eligibilityWords } from "./eligibility-text";

/** Supervisors with open pairs in scope: their open pairs city-wide against the cap, and their standing. */
/** `id` and `actions` (an export) for pages that place it among other sections (the training dashboard). */
export async function LoadsCard({ rows, cap, manage, id = "loads", actions }: { rows: TSupervisorLoadRow[]; cap: number; manage: boolean; id?: string; actions?: ReactNode }) {
  const [t, format, locale, words] = await Promise.all([getTranslations("supervision.loads"), getFormatter(), getLocale(), eligibilityWords()]);
  return (
    <SectionCard id={id} title={t("title")} actions={actions}>
      <p className="mb-4 text-sm text-slate-600">{t("description", { cap })}</p>
      <DataTable
        caption={t("title")}
        testId="supervisor-loads"
        empty={<EmptyState title={t("empty")}>{manage ? t("emptyHintManage") : t("emptyHint")}</EmptyState>}
        columns={[{ label: t("supervisor") }, { label: t("employer") }, { label: t("load"), numeric: true }, { label: t("inScope"), numeric: true }, { label: t("standing") }]}
        rows={rows.map((r) => ({
          key: r.id,
          testId: "load-row",
          data: { supervisor: r.name, active: String(r.standing.active) },
          cells: [
            <Link key="n" href={`/supervision?supervisor=${r.id}`} className="font-medium text-brand-700 hover:underline">{r.name}</Link>,
            r.organization ? localName(r.organization, locale) : "—",
            <span key="l" className={r.standing.active >= cap ? "font-semibold text-red-800" : undefined}>{t("loadValue", { active: format.number(r.standing.active), cap })}</span>,
            format.number(r.inScope),
            <div key="s" className="space-y-1">
              <Badge tone={r.standing.eligibility.eligible ? "green" : "amber"}>{words.label(r.standing.eligibility)}</Badge>
              <p className="text-xs text-slate-600">{words.summary(r.standing.eligibility)}</p>
            </div>,
          ],
        }))}
      />
    </SectionCard>
  );
}
