import { getTranslations } from "next-intl/server";
import type { TPage } from "@/lib/pagination";
import { Pagination } from "./pagination";

/** Pager with the "x–y of n" summary for a page of results. */
export async function ListPagination({ result, basePath, params }: { result: TPage<unknown>; basePath: string; params: Record<string, string | undefined> }) {
  const t = await getTranslations("common");
  const first = (result.page - 1) * result.pageSize + 1;
  return (
    <Pagination
      page={result.page}
      pageCount={result.pageCount}
      basePath={basePath}
      params={params}
      labels={{ previous: t("previous"), next: t("next"), nav: t("pagination"), summary: t("rangeSummary", { from: first, to: first + result.items.length - 1, total: result.total }) }}
    />
  );
}
