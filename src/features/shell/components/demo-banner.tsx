import { getTranslations } from "next-intl/server";
import { demoDataPresent } from "@/server/demo/presence";

/** A slim bar on every page while the database holds the demo city (its accounts' password is published). */
export async function DemoBanner() {
  if (!(await demoDataPresent())) return null;
  const t = await getTranslations("shell");
  return (
    <div role="note" data-testid="demo-banner" className="bg-amber-100 px-4 py-1 text-center text-xs font-medium text-amber-950">
      {t("demoBanner")}
    </div>
  );
}
