import { getTranslations } from "next-intl/server";

export function BrandMark({ className = "h-9 w-9" }: { className?: string }) {
  // Two linked figures in a circle: people serving people.
  return (
    <svg viewBox="0 0 40 40" className={className} aria-hidden focusable="false">
      <circle cx="20" cy="20" r="19" fill="currentColor" opacity="0.12" />
      <circle cx="14.5" cy="14" r="4" fill="currentColor" />
      <circle cx="25.5" cy="14" r="4" fill="currentColor" />
      <path d="M7 30c0-5 3.5-8.5 7.5-8.5S22 25 22 30z" fill="currentColor" />
      <path d="M18 30c0-5 3.5-8.5 7.5-8.5S33 25 33 30z" fill="currentColor" opacity="0.75" />
    </svg>
  );
}

export async function BrandTitle() {
  const t = await getTranslations("app");
  return (
    <div className="leading-tight">
      <p className="text-[15px] font-semibold">{t("name")}</p>
      <p className="text-xs opacity-80">{t("owner")}</p>
    </div>
  );
}
