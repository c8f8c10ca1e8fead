import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission, requireUser } from "@/server/auth/session";
import { evaluationBodies, listDraws, spotCheckPercentSetting, spotCheckReadAction } from "@/server/spot-checks/draws";
import { can } from "@/domain/authz/matrix";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";
import { Notice, PageHeader } from "@/components/ui/card";
import { SectionCard } from "@/components/ui/section-card";
import { DrawForm } from "@/features/spot-checks/components/forms";
import { DrawList } from "@/features/spot-checks/components/draw-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("spotChecks");
  return { title: t("title") };
}

export default async function SpotChecksPage() {
  // The city draws (spotChecks.draw); an evaluation body's evaluators check (spotChecks.check).
  const user = await requireUser();
  if (!spotCheckReadAction(user)) await requirePermission("spotChecks.draw");
  const drawer = can(user, "spotChecks.draw");
  const [t, locale, rows, bodies, minPercent] = await Promise.all([
    getTranslations("spotChecks"),
    getLocale(),
    listDraws(user),
    drawer ? evaluationBodies() : Promise.resolve([]),
    drawer ? spotCheckPercentSetting() : Promise.resolve(0),
  ]);
  // The last full month by default: the period a monthly check usually covers.
  const today = todayInCity();
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={drawer ? t("description") : t("descriptionEvaluator")} />
      {drawer ? (
        <SectionCard id="draw" title={t("draw.title")}>
          {bodies.length ? (
            <DrawForm bodies={bodies.map((b) => ({ id: b.id, label: localName(b, locale) }))} minPercent={minPercent} defaultStart={isoDay(start)} defaultEnd={isoDay(end)} />
          ) : (
            <Notice tone="info">{t("draw.noBodies")}</Notice>
          )}
        </SectionCard>
      ) : null}
      <SectionCard id="draws" title={t("listTitle")}>
        <DrawList rows={rows} empty={drawer ? t("none") : t("noneEvaluator")} />
      </SectionCard>
    </div>
  );
}
