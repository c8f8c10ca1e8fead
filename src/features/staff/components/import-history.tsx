import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { listImports } from "@/server/staff-import/queries";
import { EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { ImportStatusBadge } from "./import-status-badge";
import { momentFormatter } from "@/domain/common/day-format";

/** The caller's earlier imports, newest first: file, when, status, rows and what they did to the register. */
export async function ImportHistory({ result }: { result: Awaited<ReturnType<typeof listImports>> }) {
  const [t, format] = await Promise.all([getTranslations("staff.import.history"), getFormatter()]);
  return (
    <section aria-labelledby="import-history-title" className="space-y-3">
      <h2 id="import-history-title" className="text-base font-semibold text-slate-900">{t("title")}</h2>
      <DataTable
        caption={t("title")}
        empty={<EmptyState title={t("empty")} />}
        columns={[
          { label: t("columns.file") },
          { label: t("columns.uploaded"), className: "whitespace-nowrap text-slate-600" },
          { label: t("columns.status") },
          { label: t("columns.rows"), className: "whitespace-nowrap" },
          { label: t("columns.outcome"), className: "whitespace-nowrap text-slate-600" },
        ]}
        rows={result.items.map((j) => ({
          key: j.id,
          cells: [
            <Link key="file" href={`/practitioners/import/${j.id}`} className="font-medium text-brand-700 hover:underline">{j.originalName}</Link>,
            momentFormatter(format)(j.createdAt),
            <ImportStatusBadge key="status" status={j.status} />,
            t("rows", { total: j.totalRows, errors: j.errorRows }),
            j.status === "DONE" || j.status === "RUNNING" || j.status === "FAILED" ? t("outcome", { created: j.createdCount, updated: j.updatedCount, unchanged: j.unchangedCount }) : "—",
          ],
        }))}
      />
      {result.items.length ? <ListPagination result={result} basePath="/practitioners/import" params={{}} /> : null}
    </section>
  );
}
