import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { EXPIRING_DAYS, EXPIRING_LIST_LIMIT, type TGrowthDashboard } from "@/server/dashboards/growth";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";

/** Verified certificates that expire within EXPIRING_DAYS, soonest first, with a link to the full list in the register. */
export async function ExpiringCredentialsCard({ expiring }: { expiring: TGrowthDashboard["expiring"] }) {
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  const title = t("growth.expiring.title", { days: EXPIRING_DAYS });
  return (
    <Card title={title} actions={<span className="text-sm text-slate-600" data-testid="expiring-total">{t("growth.expiring.total", { count: expiring.total })}</span>}>
      <DataTable
        caption={title}
        hover
        empty={<EmptyState title={t("growth.expiring.empty")} />}
        columns={[
          { label: t("growth.expiring.practitioner") },
          { label: t("growth.expiring.credential") },
          { label: t("growth.expiring.validUntil"), className: "whitespace-nowrap" },
          { label: t("growth.expiring.daysLeft"), numeric: true },
        ]}
        rows={expiring.items.map((c) => ({
          key: c.id,
          cells: [
            <>
              <Link href={`/practitioners/${c.practitioner.id}`} className="font-medium text-brand-700 hover:underline">{c.practitioner.name}</Link>
              {c.practitioner.organization ? <span className="block text-xs text-slate-500">{localName(c.practitioner.organization, locale)}</span> : null}
            </>,
            <>
              {t(`enums.credentialKind.${c.kind}`)}
              <span className="block font-mono text-xs text-slate-500">{c.number}</span>
            </>,
            day(c.validUntil),
            <Badge key="days" tone={c.daysLeft <= 30 ? "red" : "amber"}>{t("growth.expiring.days", { count: c.daysLeft })}</Badge>,
          ],
        }))}
      />
      {expiring.total > expiring.items.length ? (
        <p className="mt-2 text-sm text-slate-600">
          {t("growth.expiring.more", { shown: EXPIRING_LIST_LIMIT, total: expiring.total })}{" "}
          <Link href={`/practitioners?expiring=${EXPIRING_DAYS}`} className="font-medium text-brand-700 hover:underline">{t("growth.expiring.all")}</Link>
        </p>
      ) : null}
    </Card>
  );
}
