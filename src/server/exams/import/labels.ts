import "server-only";
import { LOCALES } from "@/lib/locales";
import { loadMessages } from "@/i18n/load-messages";
import { examImportLabels } from "@/domain/exams/import";

let cached: ReturnType<typeof examImportLabels> | null = null;

/** The exam sheet's headers, levels and results in every language the portal speaks. */
export function examLabelIndex() {
  cached ??= examImportLabels(LOCALES.map((l) => loadMessages(l)));
  return cached;
}
