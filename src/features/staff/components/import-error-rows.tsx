import { getTranslations } from "next-intl/server";
import type { importErrors } from "@/server/staff-import/queries";
import { isImportField } from "@/domain/staff/import-columns";
import type { TFieldErrorCode } from "@/domain/common/errors";
import { EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { messageKey, messageValues } from "@/lib/message-key";

/** The rows the import refused, a page at a time: row number and every problem, named by its column. */
export async function ImportErrorRows({ jobId, errors }: { jobId: string; errors: Awaited<ReturnType<typeof importErrors>> }) {
  const t = await getTranslations();
  const message = (key: TFieldErrorCode) => t(messageKey(key, "validation"), messageValues(key));
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
                <li key={`${e.field}:${e.key}`}>
                  {isImportField(e.field) ? t("staff.import.job.fieldMessage", { field: t(`practitioners.fields.${e.field}`), message: message(e.key) }) : message(e.key)}
                </li>
              ))}
            </ul>,
          ],
        }))}
      />
      {errors.items.length ? <ListPagination result={errors} basePath={`/practitioners/import/${jobId}`} params={{}} /> : null}
    </section>
  );
}
