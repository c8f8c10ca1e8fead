import "server-only";
import { LOCALES } from "@/lib/locales";
import { loadMessages } from "@/i18n/load-messages";
import { attendanceHeaders } from "@/domain/trainings/attendance-import";

let cached: ReturnType<typeof attendanceHeaders> | null = null;

/** The attendance sheet's headers in every language the portal speaks. */
export function attendanceLabelIndex() {
  cached ??= attendanceHeaders(LOCALES.map((l) => loadMessages(l)));
  return cached;
}
