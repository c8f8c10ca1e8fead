import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { TServicesDashboard } from "@/server/services-dashboard/dashboard";
import { SectionCard } from "@/components/ui/section-card";
import { DataTable } from "@/components/ui/data-table";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { formatFen } from "@/lib/money";

/** Milestones due and not accepted, past their due date, on running contracts: the count, the oldest, the oldest few listed. */
export async function DelaysCard({ delays }: { delays: TServicesDashboard["delays"] }) {
  const [t, format, locale] = await Promise.all([getTranslations("servicesDashboard"), getFormatter(), getLocale()]);
  const day = dayFormatter(format);
  const asDay = (iso: string) => new Date(`${iso}T00:00:00Z`);
  return (
    <SectionCard id="delays" title={t("delays.title")}>
      <div data-testid="delays" data-count={delays.count}>
        {delays.count === 0 ? (
          <p className="text-sm text-slate-600">{t("delays.none")}</p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-600">{t("delays.description", { count: delays.count, oldest: day(asDay(delays.oldest!)) })}</p>
            <DataTable
              caption={t("delays.title")}
              rowHeaders
              columns={[
                { label: t("delays.contract") },
                { label: t("delays.agency") },
                { label: t("delays.milestone") },
                { label: t("delays.due") },
                { label: t("delays.daysLate"), numeric: true },
                { label: t("delays.status") },
                { label: t("delays.amount"), numeric: true },
              ]}
              rows={delays.rows.map((r) => ({
                key: r.id,
                testId: "delay",
                cells: [
                  <Link key="c" href={`/contracts/${r.contractId}`} className="text-brand-700 hover:underline">{r.reference}</Link>,
                  localName({ name: r.agency, nameHant: r.agencyHant, nameEn: r.agencyEn }, locale),
                  `${r.number}. ${r.title}`,
                  day(asDay(r.dueDate)),
                  r.daysLate,
                  t(`milestoneStatus.${r.status as "PENDING"}`),
                  formatFen(r.amountFen, locale),
                ],
              }))}
            />
            {delays.count > delays.rows.length ? <p className="mt-2 text-xs text-slate-500">{t("delays.more", { shown: delays.rows.length, total: delays.count })}</p> : null}
          </>
        )}
      </div>
    </SectionCard>
  );
}
