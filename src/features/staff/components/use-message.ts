"use client";

import { useTranslations } from "next-intl";

/**
 * Translates a message key from an action or a row: shared keys are bare (under "errors" or
 * "validation"), staff-specific ones are full paths ("staff.import.rowErrors.otherEmployer").
 */
export function useMessageKey() {
  const t = useTranslations();
  return (key: string, ns: "errors" | "validation") => (key.includes(".") ? t(key) : t(`${ns}.${key}`));
}
