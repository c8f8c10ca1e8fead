"use client";

import { useTranslations } from "next-intl";
import { messageKey, messageValues, type TCodeNamespace, type TMessageKey, type TTranslatableCode } from "@/lib/message-key";

type TValues = Record<string, string | number | Date>;

/** Translates an action's code in a client component (see messageKey for plain vs dotted codes, and a code's number). */
export function useMessage() {
  const t = useTranslations();
  // The signature proves every code `C` may hold has a message, so the key built from it is one.
  return <C extends string, N extends TCodeNamespace>(code: C & TTranslatableCode<C, N>, ns: N, values?: TValues) =>
    t(messageKey(code, ns) as TMessageKey, { ...messageValues(code), ...values });
}
