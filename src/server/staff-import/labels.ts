import "server-only";
import { LOCALES } from "@/lib/locales";
import { loadMessages } from "@/i18n/load-messages";
import { buildLabelIndex, type TLabelIndex } from "@/domain/staff/import-columns";

let cached: TLabelIndex | null = null;

/** Column headers and enum labels in every language the portal speaks (a file may come from a colleague using another). */
export function labelIndex(): TLabelIndex {
  cached ??= buildLabelIndex(LOCALES.map((l) => loadMessages(l)));
  return cached;
}
