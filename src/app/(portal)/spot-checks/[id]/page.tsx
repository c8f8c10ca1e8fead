import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission, requireUser } from "@/server/auth/session";
import { getDraw, spotCheckReadAction, verifyDraw } from "@/server/spot-checks/draws";
import { can } from "@/domain/authz/matrix";
import { Notice, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ExportLink } from "@/components/ui/export-link";
import { DrawItems, DrawParticulars, DrawVerification } from "@/features/spot-checks/components/draw-detail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("spotChecks");
  return { title: t("title") };
}

const NOTICES = ["drawn", "checked"] as const;

export default async function SpotCheckPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string | string[]; verify?: string | string[] }> }) {
  const user = await requireUser();
  if (!spotCheckReadAction(user)) await requirePermission("spotChecks.draw");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  // Another body's draw is not found: its existence is not told.
  const draw = await getDraw(user, id);
  if (!draw) notFound();
  const [t, tc, result] = await Promise.all([getTranslations("spotChecks"), getTranslations("common"), sp.verify === "1" ? verifyDraw(draw) : Promise.resolve(null)]);
  const notice = NOTICES.find((n) => n === sp.notice);
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={tc("breadcrumb")} href="/spot-checks">{t("title")}</Breadcrumb>
        <PageHeader title={`${t("title")} ${draw.reference}`} />
        {notice ? <Notice tone="success">{t(`notices.${notice}`)}</Notice> : null}
      </div>
      <DrawParticulars draw={draw} />
      <DrawItems draw={draw} canCheck={can(user, "spotChecks.check")} linkContracts={can(user, "contracts.read")} actions={<ExportLink href={`/api/spot-checks/${draw.id}/export`} params={{}} size="sm" />} />
      <DrawVerification drawId={draw.id} result={result} />
    </div>
  );
}
