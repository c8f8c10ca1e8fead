import { DEFAULT_LOCALE, type TLocale } from "@/lib/locales";

// Traditional-script regions and tags map to zh-Hant; every other Chinese tag to zh-Hans.
const HANT = /^zh-(hant|tw|hk|mo)\b/i;

function toLocale(tag: string): TLocale | null {
  const t = tag.trim().toLowerCase();
  if (!t) return null;
  if (HANT.test(t)) return "zh-Hant";
  if (t === "zh" || t.startsWith("zh-")) return "zh-Hans";
  if (t === "en" || t.startsWith("en-")) return "en";
  return null;
}

/** Picks the best supported locale from an Accept-Language header, by q-weight then order. */
export function negotiateLocale(header: string | null | undefined): TLocale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { tag, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const locale = toLocale(entry.tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
