import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { activeAgencies, employmentHistory } from "@/server/staff/queries";
import { localName } from "@/i18n/local-name";
import { todayInCityIso } from "@/domain/common/calendar-day";
import { dayFormatter } from "@/domain/common/day-format";
import { Badge, Card } from "@/components/ui/card";
import { HistoryTable } from "@/components/ui/data-table";
import { TransferForm } from "./transfer-form";

/**
 * A practitioner's employment history for the register's detail page, with "record leaving /
 * moving" for those holding staff.transfer over the current employer. Checks the caller itself
 * (a page-level check does not cover what it embeds) and renders nothing outside the scope.
 */
export async function EmploymentHistoryCard({ practitionerId }: { practitionerId: string }) {
  const user = await getCurrentUser();
  if (!user) return null;
  const data = await employmentHistory(user, practitionerId);
  if (!data) return null;
  const [t, te, locale, format] = await Promise.all([getTranslations("staff"), getTranslations("enums"), getLocale(), getFormatter()]);
  const day = dayFormatter(format, { none: "" });
  const mayTransfer = !!data.organizationId && can(user, "staff.transfer", { regionPath: data.regionPath, organizationId: data.organizationId });
  const agencies = mayTransfer ? await activeAgencies(data.organizationId) : [];
  return (
    <Card title={t("history.title")}>
      <div className="space-y-6" data-testid="employment-history">
        <HistoryTable
          caption={t("history.title")}
          none={t("history.none")}
          columns={[
            { label: t("history.columns.employer") },
            { label: t("history.columns.from"), className: "whitespace-nowrap" },
            { label: t("history.columns.to"), className: "whitespace-nowrap" },
            { label: t("history.columns.reason") },
            { label: t("history.columns.note"), className: "text-slate-600" },
          ]}
          rows={data.employments.map((e) => ({
            key: e.id,
            cells: [localName(e.organization, locale), day(e.from), e.to ? day(e.to) : <Badge tone="green">{t("history.current")}</Badge>, e.endReason ? te(`employmentEnd.${e.endReason}`) : "", e.note ?? ""],
          }))}
        />
        {mayTransfer ? (
          <section aria-labelledby="transfer-title" className="border-t border-slate-200 pt-4">
            <h3 id="transfer-title" className="mb-1 text-sm font-semibold text-slate-900">{t("transfer.title")}</h3>
            <p className="mb-3 text-sm text-slate-600">{t("transfer.description")}</p>
            <TransferForm
              practitionerId={data.id}
              version={data.version}
              name={data.name}
              employer={localName(data.organization, locale)}
              agencies={agencies.map((a) => ({ id: a.id, label: localName(a, locale) }))}
              today={todayInCityIso()}
            />
          </section>
        ) : null}
      </div>
    </Card>
  );
}
