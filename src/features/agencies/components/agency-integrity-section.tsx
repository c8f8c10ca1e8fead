import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TAgencyDetail } from "@/server/agencies/queries";
import { INTEGRITY_WEIGHT, isInForce } from "@/domain/agencies/integrity";
import { isoDay } from "@/domain/common/calendar-day";
import { dayFormatter } from "@/domain/common/day-format";
import { Badge } from "@/components/ui/card";
import { HistoryTable } from "@/components/ui/data-table";
import { SectionCard } from "@/components/ui/section-card";
import { buttonClass } from "@/components/ui/button";
import { EndRecordButton } from "./end-record-button";

const TONE = { positive: "green", caution: "amber", severe: "red" } as const;

type TRecord = NonNullable<TAgencyDetail["integrityRecords"]>[number];

/** The agency's integrity records (for integrity.read): in force, upcoming or ended; a manager edits and ends them. */
export async function AgencyIntegritySection({ agencyId, records, mayManage, today }: { agencyId: string; records: TRecord[]; mayManage: boolean; today: Date }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const day = dayFormatter(format);
  const state = (r: TRecord) =>
    isInForce(r, today) ? <Badge tone={TONE[INTEGRITY_WEIGHT[r.kind]]}>{t("agencies.integrity.inForce")}</Badge> : r.occurredOn.getTime() > today.getTime() ? <Badge>{t("agencies.integrity.upcoming")}</Badge> : <Badge>{t("agencies.integrity.ended")}</Badge>;
  const actions = (r: TRecord) => {
    const running = !r.endsOn || r.endsOn.getTime() > today.getTime();
    const label = `${t(`enums.integrityKind.${r.kind}`)} · ${day(r.occurredOn)}`;
    return (
      <div className="flex flex-wrap items-start gap-2">
        <Link href={`/agencies/${agencyId}/integrity/${r.id}`} className={buttonClass("ghost", "sm")}>
          {t("agencies.integrity.edit")}
          <span className="sr-only"> {label}</span>
        </Link>
        {running ? <EndRecordButton record={{ id: r.id, version: r.version, label, occurredOn: isoDay(r.occurredOn) }} today={isoDay(today)} /> : null}
      </div>
    );
  };
  return (
    <SectionCard
      id="integrity"
      title={t("agencies.integrity.title")}
      actions={mayManage ? <Link href={`/agencies/${agencyId}/integrity/new`} className={buttonClass("secondary", "sm")}>{t("agencies.integrity.add")}</Link> : null}
    >
      <HistoryTable
        caption={t("agencies.integrity.title")}
        none={t("agencies.integrity.none")}
        columns={[
          { label: t("agencies.integrity.fields.kind") },
          { label: t("agencies.integrity.fields.period"), className: "whitespace-nowrap" },
          { label: t("agencies.integrity.fields.source"), className: "text-slate-700" },
          { label: t("agencies.integrity.fields.description"), className: "max-w-md whitespace-pre-line text-slate-700" },
          { label: t("agencies.integrity.fields.state") },
          ...(mayManage ? [{ label: t("agencies.integrity.actions"), srOnly: true, actions: true }] : []),
        ]}
        rows={records.map((r) => ({
          key: r.id,
          testId: "integrity-row",
          cells: [
            <Badge key="kind" tone={TONE[INTEGRITY_WEIGHT[r.kind]]}>{t(`enums.integrityKind.${r.kind}`)}</Badge>,
            `${day(r.occurredOn)} – ${r.endsOn ? day(r.endsOn) : t("agencies.integrity.openEnded")}`,
            r.source,
            r.description,
            state(r),
            ...(mayManage ? [actions(r)] : []),
          ],
        }))}
      />
    </SectionCard>
  );
}
