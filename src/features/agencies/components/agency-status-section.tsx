import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TAgencyDetail } from "@/server/agencies/queries";
import type { TManualAgencyStatus } from "@/domain/agencies/status-rules";
import { isoDay } from "@/domain/common/calendar-day";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { HistoryTable } from "@/components/ui/data-table";
import { SectionCard } from "@/components/ui/section-card";
import { AgencyStatusBadge } from "./agency-status-badge";
import { StatusActions } from "./status-actions";

/** The agency's status history, and the status changes the caller may make (none: no buttons). */
export async function AgencyStatusSection({ agency: a, transitions, today }: { agency: TAgencyDetail; transitions: TManualAgencyStatus[]; today: Date }) {
  const [t, locale, format] = await Promise.all([getTranslations("agencies.status"), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  return (
    <SectionCard
      id="status"
      title={t("title")}
      actions={transitions.length ? <StatusActions agency={{ id: a.id, version: a.version, name: localName(a, locale) }} allowed={transitions} today={isoDay(today)} /> : null}
    >
      <HistoryTable
        caption={t("history")}
        none={t("noHistory")}
        columns={[{ label: t("effectiveFrom"), className: "whitespace-nowrap" }, { label: t("status") }, { label: t("reason"), className: "text-slate-700" }, { label: t("by"), className: "text-slate-600" }]}
        rows={a.agencyStatusHistory.map((h) => ({ key: h.id, cells: [day(h.effectiveFrom), <AgencyStatusBadge key="status" status={h.status} />, h.reason ?? "", h.actorName ?? ""] }))}
      />
    </SectionCard>
  );
}
