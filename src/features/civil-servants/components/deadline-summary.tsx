import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TDeadlineSummaryView } from "@/server/civil-servants/queries";
import { localName } from "@/i18n/local-name";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/card";
import { SectionCard } from "@/components/ui/section-card";

type TCounts = { overdue: number; due: number; pending: number; done: number; doneLate: number; total: number };

/** The counts by status per department and per district (the totals and the chart are DeadlineCard's). */
export async function DeadlineSummary({ summary }: { summary: TDeadlineSummaryView }) {
  const [t, format, locale] = await Promise.all([getTranslations("civilServants"), getFormatter(), getLocale()]);
  const n = (v: number) => format.number(v);
  const s = summary.total;
  const columns = (first: string) => [
    { label: first },
    { label: t("statuses.OVERDUE"), numeric: true },
    { label: t("statuses.DUE"), numeric: true },
    { label: t("statuses.PENDING"), numeric: true },
    { label: t("statuses.DONE"), numeric: true },
    { label: t("summary.total"), numeric: true },
  ];
  const cells = (c: TCounts) => [n(c.overdue), n(c.due), n(c.pending), c.doneLate ? t("summary.doneWithLate", { done: n(c.done), late: n(c.doneLate) }) : n(c.done), n(c.total)];
  return (
    <SectionCard id="summary" title={t("summary.tablesTitle")}>
      {s.total === 0 ? (
        <EmptyState title={t("summary.empty")}>{t("summary.emptyHint")}</EmptyState>
      ) : (
        <div className="space-y-6">
          <div className="grid gap-6 xl:grid-cols-2">
            <DataTable
              caption={t("summary.byDepartment")}
              testId="deadline-by-department"
              layout="scroll"
              rowHeaders
              columns={columns(t("columns.department"))}
              rows={summary.byDepartment.map((g) => ({ key: g.department.id, data: { name: g.department.name }, cells: [localName(g.department, locale), ...cells(g)] }))}
            />
            <DataTable
              caption={t("summary.byDistrict")}
              testId="deadline-by-district"
              layout="scroll"
              rowHeaders
              columns={columns(t("columns.district"))}
              rows={summary.byDistrict.map((g) => ({ key: g.district?.id ?? "city", cells: [g.district ? localName(g.district, locale) : t("cityLevel"), ...cells(g)] }))}
            />
          </div>
        </div>
      )}
    </SectionCard>
  );
}
