import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { activeAgencies, employmentHistory } from "@/server/staff/queries";
import { localName } from "@/i18n/local-name";
import { todayInCity } from "@/domain/common/calendar-day";
import { Badge, Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
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
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : "");
  const mayTransfer = !!data.organizationId && can(user, "staff.transfer", { regionPath: data.regionPath, organizationId: data.organizationId });
  const agencies = mayTransfer ? await activeAgencies(data.organizationId) : [];
  return (
    <Card title={t("history.title")}>
      <div className="space-y-6" data-testid="employment-history">
        {data.employments.length ? (
          <Table caption={t("history.title")}>
            <thead>
              <tr>
                <Th>{t("history.columns.employer")}</Th>
                <Th>{t("history.columns.from")}</Th>
                <Th>{t("history.columns.to")}</Th>
                <Th>{t("history.columns.reason")}</Th>
                <Th>{t("history.columns.note")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.employments.map((e) => (
                <tr key={e.id}>
                  <Td>{localName(e.organization, locale)}</Td>
                  <Td className="whitespace-nowrap">{day(e.from)}</Td>
                  <Td className="whitespace-nowrap">{e.to ? day(e.to) : <Badge tone="green">{t("history.current")}</Badge>}</Td>
                  <Td>{e.endReason ? te(`employmentEnd.${e.endReason}`) : ""}</Td>
                  <Td className="text-slate-600">{e.note ?? ""}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="text-sm text-slate-600">{t("history.none")}</p>
        )}
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
              today={todayInCity().toISOString().slice(0, 10)}
            />
          </section>
        ) : null}
      </div>
    </Card>
  );
}
