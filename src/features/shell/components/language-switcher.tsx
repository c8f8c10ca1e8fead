import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/features/auth/actions";
import { LOCALES } from "@/lib/locales";
import { cn } from "@/components/ui/cn";

// Visible short label, then the rest of the language's own name for screen readers, so the
// accessible name ("简体中文", "EN English") always contains what is seen (WCAG 2.5.3).
const LABELS = { "zh-Hans": ["简体", "中文"], "zh-Hant": ["繁體", "中文"], en: ["EN", " English"] } as const;

/** Works without JavaScript: each language is a submit button of one small form. */
export async function LanguageSwitcher({ tone = "light" }: { tone?: "light" | "dark" }) {
  const locale = await getLocale();
  const t = await getTranslations("shell");
  return (
    // A named group inside an unnamed form: a named form is a landmark, and the switcher appears
    // twice on some pages (the header and the account page): two landmarks of one name.
    <form action={setLocaleAction}>
      <div role="group" aria-label={t("language")} className="flex shrink-0 items-center gap-0.5 whitespace-nowrap rounded-md border border-current/20 p-0.5 text-xs">
        {LOCALES.map((l) => (
          <button
            key={l}
            type="submit"
            name="locale"
            value={l}
            lang={l}
            aria-pressed={l === locale}
            className={cn(
              "rounded px-2 py-1 font-medium",
              l === locale ? (tone === "dark" ? "bg-white text-brand-800" : "bg-brand-700 text-white") : tone === "dark" ? "text-white hover:bg-white/15" : "text-slate-700 hover:bg-slate-100",
            )}
          >
            {LABELS[l][0]}
            <span className="sr-only">{LABELS[l][1]}</span>
          </button>
        ))}
      </div>
    </form>
  );
}
