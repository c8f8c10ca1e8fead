import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { listPosts } from "@/server/posts/queries";
import { fillRate } from "@/domain/posts/post-maths";
import { dayFormatter } from "@/domain/common/day-format";
import { percentFormatter } from "@/lib/number-format";
import { localName } from "@/i18n/local-name";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { ComplianceBadge } from "./compliance-badge";
import { FillBar } from "./fill-bar";
import { PlanCode } from "@/components/ui/plan-code";
import { PRACTICE_FIELD_CODES } from "@/domain/practitioners/enums";

/** The posts list view: one row a post, with today's fill. */
export async function PostListTable({ result, params }: { result: Awaited<ReturnType<typeof listPosts>>; params: Record<string, string> }) {
  // Empty with no filter set means nothing in the caller's scope (say so and what to do), not "no match".
  const narrowed = Object.keys(params).length > 0;
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  const pct = percentFormatter(format);
  return (
    <>
      <DataTable
        caption={t("posts.views.list")}
        hover
        empty={
          narrowed ? (
            <EmptyState title={t("posts.empty")}>
              <p>{t("common.tryOtherFilters")}</p>
              <Link href="/posts" className="mt-2 inline-block font-medium text-brand-700 hover:underline">{t("posts.clearFilters")}</Link>
            </EmptyState>
          ) : (
            <EmptyState title={t("posts.emptyScope")}>{t("posts.emptyScopeHint")}</EmptyState>
          )
        }
        columns={[
          { label: t("posts.columns.title"), className: "min-w-28" },
          { label: t("posts.columns.organization"), className: "min-w-28 text-slate-700" },
          { label: t("posts.columns.kind") },
          { label: t("posts.columns.field"), className: "min-w-28" },
          { label: t("posts.columns.required"), numeric: true },
          { label: t("posts.columns.filled"), numeric: true },
          { label: t("posts.columns.qualifiedFilled"), numeric: true },
          { label: t("posts.columns.fillRate") },
          { label: t("posts.columns.compliance") },
        ]}
        rows={result.items.map((p) => {
          const rate = p.fill ? fillRate(p.fill.filled, p.fill.required) : null;
          return {
            key: p.id,
            testId: "post-row",
            cells: [
              <>
                <Link href={`/posts/${p.id}`} className="font-medium text-brand-700 hover:underline">{p.title}</Link>
                {p.closedOn ? <span className="mt-1 block"><Badge>{t("posts.closedOn", { date: day(p.closedOn) })}</Badge></span> : null}
              </>,
              <>
                {localName(p.organization, locale)}
                <span className="block text-xs text-slate-500">{p.district ? localName(p.district, locale) : t("posts.cityLevel")}</span>
              </>,
              t(`enums.postKind.${p.kind}`),
              <>
                {t(`enums.practiceField.${p.practiceField}`)}
                <PlanCode code={PRACTICE_FIELD_CODES[p.practiceField]} />
              </>,
              p.requiredHeadcount,
              p.fill ? p.fill.filled : "—",
              p.fill ? p.fill.qualifiedFilled : "—",
              p.fill ? <FillBar rate={rate} label={pct(rate)} /> : "—",
              p.kind === "RATIO" && p.fill ? <ComplianceBadge fill={p.fill} /> : <span className="text-slate-500">—</span>,
            ],
          };
        })}
      />
      {result.items.length ? <ListPagination result={result} basePath="/posts" params={params} /> : null}
    </>
  );
}
