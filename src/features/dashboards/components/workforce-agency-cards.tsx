import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TWorkforceDashboard } from "@/server/dashboards/workforce";
import { localName } from "@/i18n/local-name";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { BarListChart } from "@/components/charts/bar-list-chart";

/** A bar chart of agency counts and the same figures as a table. */
async function AgencyCountCard({ title, head, rows, color, testId, empty }: { title: string; head: string; rows: { key: string; label: string; count: number }[]; color: string; testId: string; empty: boolean }) {
  const [t, format] = await Promise.all([getTranslations("workforce.agencies"), getFormatter()]);
  return (
    <Card title={title}>
      {empty ? (
        <EmptyState title={t("none")} />
      ) : (
        <div data-testid={testId}>
          <BarListChart data={rows.map((r) => ({ label: r.label, value: r.count }))} color={color} valueLabel={t("count")} summary={`${title}: ${rows.map((r) => `${r.label} ${r.count}`).join("; ")}`} />
          <DataTable caption={title} columns={[{ label: head }, { label: t("count"), numeric: true }]} rows={rows.map((r) => ({ key: r.key, data: { row: r.key }, cells: [r.label, format.number(r.count)] }))} />
        </div>
      )}
    </Card>
  );
}

/** Agencies by status and (the active ones) by rating, then the agencies flagged by an integrity record in force. */
export async function WorkforceAgencyCards({ agencies }: { agencies: TWorkforceDashboard["agencies"] }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const ratingLabel = (r: TWorkforceDashboard["agencies"]["byRating"][number]["rating"]) => (r === "NONE" ? t("workforce.agencies.notRated") : t(`enums.agencyRatingLevel.${r}`));
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-2">
        <AgencyCountCard
          title={t("workforce.agencies.byStatus")}
          head={t("workforce.agencies.status")}
          rows={agencies.byStatus.map((s) => ({ key: s.status, label: t(`enums.agencyStatus.${s.status}`), count: s.count }))}
          color="#174877"
          testId="agencies-by-status"
          empty={agencies.total === 0}
        />
        <AgencyCountCard
          title={t("workforce.agencies.byRating")}
          head={t("workforce.agencies.rating")}
          rows={agencies.byRating.map((r) => ({ key: r.rating, label: ratingLabel(r.rating), count: r.count }))}
          color="#2f9e8f"
          testId="agencies-by-rating"
          empty={agencies.active === 0}
        />
      </div>

      <Card title={t("workforce.flagged.title")}>
        <p className="mb-3 text-sm text-slate-600">{t("workforce.flagged.description")}</p>
        <DataTable
          testId="flagged-agencies"
          caption={t("workforce.flagged.title")}
          empty={<EmptyState title={t("workforce.flagged.none")} />}
          columns={[{ label: t("workforce.flagged.agency"), className: "font-medium" }, { label: t("workforce.areas.district") }, { label: t("workforce.flagged.flags") }]}
          rows={agencies.flagged.map((a) => ({
            key: a.id,
            cells: [
              localName(a, locale),
              a.district ? localName(a.district, locale) : "—",
              <div key="flags" className="flex flex-wrap gap-1">
                {a.flags.map((f) => (
                  <Badge key={f} tone={f === "BLACKLIST" ? "red" : "amber"}>{t(`enums.integrityKind.${f}`)}</Badge>
                ))}
              </div>,
            ],
          }))}
        />
      </Card>
    </>
  );
}
