import { getTranslations } from "next-intl/server";
import type { importErrors } from "@/server/staff-import/queries";
import { rowErrorText } from "@/server/staff-import/row-messages";
import { EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";

/** The rows the import refused, a page at a time: row number and every problem, named by its column and the value that is wrong. */
export async function ImportErrorRows({ jobId, errors }: { jobId: string; errors: Awaited<ReturnType<typeof importErrors>> }) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="import-errors-title" className="space-y-3">
      <h2 id="import-errors-title" className="text-base font-semibold text-slate-900">{t("staff.import.job.errorsTitle")}</h2>
      <DataTable
        caption={t("staff.import.job.errorsTitle")}
        empty={<EmptyState title={t("staff.import.job.noErrors")} />}
        columns={[{ label: t("staff.import.job.columns.row"), className: "whitespace-nowrap font-mono" }, { label: t("staff.import.job.columns.problems") }]}
        rows={errors.items.map((r) => ({
          key: String(r.rowNumber),
          testId: `error-row-${r.rowNumber}`,
          cells: [
            r.rowNumber,
            <ul key="problems" className="space-y-0.5">
              {r.errors.map((e) => (
                <li key={`${e.field}:${e.key}`}>{rowErrorText(t, e, { birthYearOnly: errors.birthYearOnly })}</li>
              ))}
            </ul>,
          ],
        }))}
      />
      {errors.items.length ? <ListPagination result={errors} basePath={`/practitioners/import/${jobId}`} params={{}} /> : null}
    </section>
  );
}
