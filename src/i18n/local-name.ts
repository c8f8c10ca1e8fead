import type { TLocale } from "@/lib/locales";

export type TNamed = { name: string; nameHant?: string | null; nameEn?: string | null };

/** A record's name in the reader's script; the simplified-Chinese name is the fallback. */
export function localName(named: TNamed | null | undefined, locale: string): string {
  if (!named) return "";
  if ((locale as TLocale) === "en") return named.nameEn || named.name;
  if ((locale as TLocale) === "zh-Hant") return named.nameHant || named.name;
  return named.name;
}
