import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { listTrainings, trainingFilterOptions } from "@/server/trainings/queries";
import { can, scopeOf } from "@/domain/authz/matrix";
import { parsePage } from "@/lib/pagination";
import { parseTrainingListFilter, trainingListParams } from "@/domain/trainings/list-filter";
import { TrainingTable } from "@/features/trainings/components/training-table";
import { TrainingFilterBar } from "@/features/trainings/components/training-filter-bar";
import { PageHeader } from "@/components/ui/card";
import { ListPagination } from "@/components/ui/list-pagination";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trainings");
  return { title: t("title") };
}

/** The catalogue of training programmes (trainings.read); a provider's own programmes, drafts included. */
export default async function TrainingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("trainings.read");
  const sp = await searchParams;
  const filter = parseTrainingListFilter(sp);
  const [t, result, providers] = await Promise.all([getTranslations("trainings"), listTrainings(user, filter, parsePage(sp.page)), trainingFilterOptions(user)]);
  const own = scopeOf(user.role, "trainings.read") === "organization";
  return (
    <div className="space-y-6">
      <PageHeader
        title={own ? t("ownTitle") : t("title")}
        description={own ? t("ownDescription") : t("description")}
        actions={
          <>
            {can(user, "trainings.attendance") ? <Link href="/trainings/attendance-import" className={buttonClass("secondary")}>{t("import.title")}</Link> : null}
            {can(user, "trainings.manage") ? <Link href="/trainings/new" className={buttonClass("primary")}>{t("new")}</Link> : null}
          </>
        }
      />
      <TrainingFilterBar filter={filter} providers={providers} />
      <TrainingTable rows={result.items} caption={own ? t("ownTitle") : t("title")} />
      {result.total > result.pageSize ? <ListPagination result={result} basePath="/trainings" params={trainingListParams(filter)} /> : null}
    </div>
  );
}
