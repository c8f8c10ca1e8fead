import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { listEvaluations } from "@/server/evaluations/queries";
import { can } from "@/domain/authz/matrix";
import { parsePage } from "@/lib/pagination";
import { evaluationListParams, parseEvaluationListFilter } from "@/domain/evaluations/schemas";
import { EVALUATION_KINDS, EVALUATION_STATUSES } from "@/domain/evaluations/enums";
import { EvaluationTable } from "@/features/evaluations/components/evaluation-table";
import { PageHeader } from "@/components/ui/card";
import { ListPagination } from "@/components/ui/list-pagination";
import { buttonClass } from "@/components/ui/button";
import { FilterBar, FilterChoice } from "@/components/ui/filter-bar";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations");
  return { title: t("title") };
}

/** The evaluations in the caller's scope, by status and kind; an evaluator first sees those waiting for their sheet. */
export default async function EvaluationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("evaluations.read");
  const sp = await searchParams;
  const evaluator = can(user, "evaluations.score");
  const filter = parseEvaluationListFilter(sp, evaluator);
  const [t, te, tc, result] = await Promise.all([getTranslations("evaluations"), getTranslations("enums"), getTranslations("common"), listEvaluations(user, filter, parsePage(sp.page))]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={evaluator ? t("evaluatorDescription") : t("description")} actions={can(user, "evaluations.assign") ? <Link href="/evaluations/new" className={buttonClass("primary")}>{t("new")}</Link> : null} />
      <FilterBar basePath="/evaluations" className="sm:grid-cols-2 lg:grid-cols-3">
        {evaluator ? <FilterChoice label={t("filters.scope")} name="waiting" value={filter.mine ? undefined : "0"} allLabel={t("filters.waiting")} options={[{ value: "0", label: t("filters.allOfBody") }]} /> : null}
        <FilterChoice label={t("filters.status")} name="status" value={filter.status ?? undefined} allLabel={tc("all")} options={EVALUATION_STATUSES.map((s) => ({ value: s, label: te(`evaluationStatus.${s}`) }))} />
        <FilterChoice label={t("filters.kind")} name="kind" value={filter.kind ?? undefined} allLabel={tc("all")} options={EVALUATION_KINDS.map((k) => ({ value: k, label: te(`evaluationKind.${k}`) }))} />
      </FilterBar>
      <EvaluationTable rows={result.items} caption={t("title")} waiting={filter.mine} />
      {result.total > result.pageSize ? <ListPagination result={result} basePath="/evaluations" params={evaluationListParams(filter, evaluator)} /> : null}
    </div>
  );
}
