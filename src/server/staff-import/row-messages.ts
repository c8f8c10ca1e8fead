import { birthYearOfCell } from "@/domain/practitioners/privacy";
import { IMPORT_COLUMNS } from "@/domain/staff/import-columns";
import type { TRowError } from "@/domain/staff/import-validate";
import { messageKey, messageValues } from "@/lib/message-key";
import { valueLabel, type TT } from "./template";

// One row problem as the reader reads it, on the import's page and in its error report: the
// column, the value that is wrong, what is wrong with it; for a column with a list of values, the
// values allowed, in the reader's language ('Certificate level "高级社工" is not one of: …').

export type TRowMessageOptions = {
  /** A colleague who may not see full birth dates reads a birth date's year only (as in the error report's cells). */
  birthYearOnly: boolean;
};

export function rowErrorText(t: TT, e: TRowError, { birthYearOnly }: TRowMessageOptions): string {
  const column = IMPORT_COLUMNS.find((c) => c.field === e.field);
  const message = t(messageKey(e.key, "validation"), messageValues(e.key));
  if (!column) return message;
  const field = t(`practitioners.fields.${column.field}`);
  const value = e.value && column.field === "birthDate" && birthYearOnly ? birthYearOfCell(e.value) : e.value;
  if (!value) return t("staff.import.job.fieldMessage", { field, message });
  if (column.values && (e.key === "invalid" || e.key === "required")) {
    const allowed = column.values.map((v: string) => valueLabel(t, column, v)).join(t("staff.import.job.listSeparator"));
    return t("staff.import.rowErrors.notAllowed", { field, value, allowed });
  }
  return t("staff.import.job.valueMessage", { field, value, message });
}
