"use client";

import { useTranslations } from "next-intl";

/**
 * Translates an action's error code: dotted codes are full keys of the posts namespace
 * ("posts.validation.orgKind"), plain ones live under the shared `ns` ("validation", "errors").
 */
export function useMessage() {
  const t = useTranslations();
  return (code: string, ns: "validation" | "errors") => (code.includes(".") ? t(code) : t(`${ns}.${code}`));
}
