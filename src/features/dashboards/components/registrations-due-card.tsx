import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { REGISTRATIONS_DUE_LIST_LIMIT, type TGrowthDashboard } from "@/server/dashboards/growth";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { registrationDueTone } from "@/components/ui/status-tone";

/**
 * Registrations whose period ends within the city's "due" window, soonest first, with a link to
 * the full list in the register. The certificates stay valid and the people keep counting.
 */
export async function RegistrationsDueCard({ due }: { due: TGrowthDashboard["registrationsDue"] }) {
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  const title = t("growth.registrationsDue.title", { days: due.days });
  return (
    <Card title={title} actions={<span className="text-sm text-slate-600" data-testid="registrations-due-total">{t("growth.registrationsDue.total", { count: due.total })}</span>}>
      <p className="mb-3 text-sm text-slate-600">{t("growth.registrationsDue.note")}</p>
      <DataTable
        caption={title}
        hover
        testId="registrations-due"
        empty={<EmptyState title={t("growth.registrationsDue.empty")} />}
        columns={[
          { label: t("growth.registrationsDue.practitioner") },
          { label: t("growth.registrationsDue.registration") },
          { label: t("growth.registrationsDue.periodEnd"), className: "whitespace-nowrap" },
          { label: t("growth.registrationsDue.daysLeft"), numeric: true },
        ]}
        rows={due.items.map((r) => ({
          key: r.id,
          cells: [
            <>
              <Link href={`/practitioners/${r.practitioner.id}`} className="font-medium text-brand-700 hover:underline">{r.practitioner.name}</Link>
              {r.practitioner.organization ? <span className="block text-xs text-slate-500">{localName(r.practitioner.organization, locale)}</span> : null}
            </>,
            <>
              {t(`enums.credentialKind.${r.kind}`)}
              <span className="block font-mono text-xs text-slate-500">{r.number}</span>
            </>,
            day(r.periodEnd),
            <Badge key="days" tone={registrationDueTone(r.daysLeft)}>{t("growth.registrationsDue.days", { count: r.daysLeft })}</Badge>,
          ],
        }))}
      />
      {due.total > due.items.length ? (
        <p className="mt-2 text-sm text-slate-600">
          {t("growth.registrationsDue.more", { shown: REGISTRATIONS_DUE_LIST_LIMIT, total: due.total })}{" "}
          <Link href="/practitioners?registration=due" className="font-medium text-brand-700 hover:underline">{t("growth.registrationsDue.all")}</Link>
        </p>
      ) : null}
    </Card>
  );
}
