import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TFillFigures, TPostSummary } from "@/server/posts/queries";
import { postFilterParams, type TPostListFilter } from "@/domain/posts/list-filter";
import { percentFormatter } from "@/lib/number-format";
import { localName } from "@/i18n/local-name";
import { EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { FillBar } from "./fill-bar";
import { postsHref } from "./posts-href";
import { PlanCode } from "@/components/ui/plan-code";
import { PRACTICE_FIELD_CODES } from "@/domain/practitioners/enums";

/** A summary view of the posts page: today's fill summed by practice field, district or organisation. */
export async function PostSummaryTable({ summary, filter }: { summary: TPostSummary; filter: TPostListFilter }) {
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  const pct = percentFormatter(format);
  const figures = (f: TFillFigures) => [
    f.posts,
    f.required,
    f.filled,
    f.qualifiedFilled,
    <FillBar key="fill" rate={f.fillRate} label={pct(f.fillRate)} />,
    <FillBar key="qualified" rate={f.qualifiedFillRate} label={pct(f.qualifiedFillRate)} />,
    f.ratioPosts ? `${f.ratioCompliant} / ${f.ratioPosts} · ${pct(f.ratioComplianceRate)}` : "—",
  ];
  const rows: { key: string; head: ReactNode; figures: TFillFigures }[] =
    summary.view === "field"
      ? summary.rows.map((r) => ({
          key: r.field,
          head: (
            <>
              {t(`enums.practiceField.${r.field}`)}
              <PlanCode code={PRACTICE_FIELD_CODES[r.field]} />
            </>
          ),
          figures: r,
        }))
      : summary.view === "district"
        ? summary.rows.map((r) => ({ key: r.key, head: r.district ? localName(r.district, locale) : t("posts.cityLevel"), figures: r }))
        : summary.page.items.map((r) => ({
            key: r.organization.id,
            head: (
              <>
                <Link href={postsHref({ ...postFilterParams(filter), org: r.organization.id })} className="text-brand-700 hover:underline">{localName(r.organization, locale)}</Link>
                <span className="block text-xs font-normal text-slate-500">{t(`orgKinds.${r.organization.kind}`)}</span>
              </>
            ),
            figures: r,
          }));
  // Every practice field is a row even at zero; the other views are empty when nothing matches.
  if (summary.view !== "field" && rows.length === 0) return <EmptyState title={t("posts.empty")}>{t("common.tryOtherFilters")}</EmptyState>;
  return (
    <>
      <p className="mb-3 text-sm text-slate-600">{t("posts.summaryNote")}</p>
      <DataTable
        caption={t(`posts.views.${summary.view}`)}
        rowHeaders
        columns={[
          { label: t(`posts.columns.${summary.view}`) },
          { label: t("posts.columns.posts"), numeric: true },
          { label: t("posts.columns.required"), numeric: true },
          { label: t("posts.columns.filled"), numeric: true },
          { label: t("posts.columns.qualifiedFilled"), numeric: true },
          { label: t("posts.columns.fillRate") },
          { label: t("posts.columns.qualifiedFillRate") },
          { label: t("posts.columns.ratioCompliance"), className: "whitespace-nowrap tabular-nums" },
        ]}
        rows={rows.map((r) => ({ key: r.key, testId: "summary-row", cells: [r.head, ...figures(r.figures)] }))}
        total={[t("posts.total"), ...figures(summary.total)]}
      />
      {summary.view === "organization" ? <ListPagination result={summary.page} basePath="/posts" params={postFilterParams(filter, { view: true })} /> : null}
    </>
  );
}
