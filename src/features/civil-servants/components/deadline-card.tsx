import type { ReactNode } from "react";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TCivilServantDeadlineSummary } from "@/server/civil-servants/summary";
import { localName } from "@/i18n/local-name";
import { Card, EmptyState } from "@/components/ui/card";
import { ChartDataTable } from "@/components/ui/data-table";
import { KpiGrid, KpiTile } from "@/components/ui/kpi-tile";
import { StackedBarListChart } from "@/components/charts/stacked-bar-list-chart";

// Status colours, readable side by side and never the only carrier of meaning (legend, table).
const COLORS = { overdue: "#b42318", due: "#d08a00", pending: "#2f6fae", done: "#2f9e8f" } as const;
const KEYS = ["overdue", "due", "pending", "done"] as const;
const STATUS = { overdue: "OVERDUE", due: "DUE", pending: "PENDING", done: "DONE" } as const;

/**
 * New civil servants' two-year deadline on the "Training and development" dashboard: the counts
 * by status, and a bar per district (per department when the scope is a single district or
 * department), with the figures as a table. `summary` comes from civilServantDeadlineSummary(scope).
 */
export async function DeadlineCard({ summary, by = summary.byDistrict.length > 1 ? "district" : "department", listLink = true, actions }: { summary: TCivilServantDeadlineSummary; by?: "district" | "department"; /** false on the list's own page */ listLink?: boolean; /** more header actions, e.g. an export link */ actions?: ReactNode }) {
  const [t, format, locale] = await Promise.all([getTranslations("civilServants"), getFormatter(), getLocale()]);
  const n = (v: number) => format.number(v);
  const s = summary.total;
  const groups =
    by === "district"
      ? summary.byDistrict.map((g) => ({ key: g.district?.id ?? "city", label: g.district ? localName(g.district, locale) : t("cityLevel"), ...g }))
      : summary.byDepartment.map((g) => ({ key: g.department.id, label: localName(g.department, locale), ...g }));
  const title = t("card.title", { years: summary.years });
  const groupTitle = by === "district" ? t("summary.byDistrict") : t("summary.byDepartment");
  return (
    <Card
      title={title}
      actions={
        listLink || actions ? (
          <div className="flex flex-wrap items-center gap-3">
            {listLink ? <Link href="/civil-servants" className="text-sm font-medium text-brand-700 hover:underline">{t("card.open")}</Link> : null}
            {actions}
          </div>
        ) : undefined
      }
    >
      <div className="space-y-4" data-testid="civil-servant-deadline-card">
        <p className="text-sm text-slate-600">{t("card.note", { years: summary.years, days: summary.dueDays })}</p>
        {s.total === 0 ? (
          <EmptyState title={t("summary.empty")}>{t("summary.emptyHint")}</EmptyState>
        ) : (
          <>
            <KpiGrid className="grid-cols-2 xl:grid-cols-4">
              <KpiTile compact label={t("statuses.OVERDUE")} value={n(s.overdue)} tone="red" testId="card-deadline-overdue" />
              <KpiTile compact label={t("statuses.DUE")} value={n(s.due)} tone="amber" testId="card-deadline-due" />
              <KpiTile compact label={t("statuses.PENDING")} value={n(s.pending)} tone="brand" testId="card-deadline-pending" />
              <KpiTile compact label={t("statuses.DONE")} value={n(s.done)} tone="green" testId="card-deadline-done" note={s.doneLate ? t("summary.lateNote", { count: s.doneLate }) : undefined} />
            </KpiGrid>
            <StackedBarListChart
              labelKey="label"
              summary={t("card.summary", { group: groupTitle, figures: groups.map((g) => t("card.summaryGroup", { name: g.label, overdue: g.overdue, due: g.due, pending: g.pending, done: g.done })).join("; ") })}
              data={groups.map((g) => ({ label: g.label, overdue: g.overdue, due: g.due, pending: g.pending, done: g.done }))}
              series={KEYS.map((k) => ({ key: k, label: t(`statuses.${STATUS[k]}`), color: COLORS[k] }))}
            />
            <ChartDataTable
              caption={groupTitle}
              summary={t("card.showTable")}
              head={[by === "district" ? t("columns.district") : t("columns.department"), ...KEYS.map((k) => t(`statuses.${STATUS[k]}`)), t("summary.total")]}
              rows={groups.map((g) => [g.label, n(g.overdue), n(g.due), n(g.pending), n(g.done), n(g.total)])}
            />
          </>
        )}
      </div>
    </Card>
  );
}
