import { getTranslations } from "next-intl/server";
import { demoDataPresent } from "@/server/demo/presence";

/** A slim bar on every page while the database holds the demo city (its accounts' password is published). */
export async function DemoBanner() {
  if (!(await demoDataPresent())) return null;
  const t = await getTranslations("shell");
  return (
    // A named region, so that it, too, sits inside a landmark (axe: region).
    <section aria-label={t("demoLabel")} data-testid="demo-banner" className="bg-amber-100 px-4 py-1 text-center text-xs font-medium text-amber-950">
      {t("demoBanner")}
    </section>
  );
}
