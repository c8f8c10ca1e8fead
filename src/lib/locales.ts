export const LOCALES = ["zh-Hans", "zh-Hant", "en"] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = "zh-Hans";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Database enum spelling (zh_Hans) ↔ BCP 47 tag (zh-Hans). */
export function localeToDb(locale: TLocale): "zh_Hans" | "zh_Hant" | "en" {
  return locale.replace("-", "_") as "zh_Hans" | "zh_Hant" | "en";
}
export function localeFromDb(value: string | null | undefined): TLocale | null {
  const tag = value?.replace("_", "-");
  return isLocale(tag) ? tag : null;
}
