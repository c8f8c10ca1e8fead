"use client";

import { useTranslations } from "next-intl";
import { messageKey } from "@/lib/message-key";

/** Translates an action's code in a client component (see messageKey for plain vs dotted codes). */
export function useMessage() {
  const t = useTranslations();
  return (code: string, ns: "validation" | "errors" | "notices") => t(messageKey(code, ns));
}
