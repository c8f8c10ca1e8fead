import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, type TPrincipal } from "@/domain/authz/matrix";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** On an open rotation programme's page, for whoever may build a cohort: the way to the cohort builder. */
export async function CohortLink({ training, user }: { training: { id: string; kind: string; open: boolean }; user: Pick<TPrincipal, "role"> }) {
  if (training.kind !== "ROTATION" || !training.open || !can(user, "rotation.buildCohort")) return null;
  const t = await getTranslations("rotation.cohort");
  return (
    <Card>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700">{t("linkIntro")}</p>
        <Link href={`/rotation/cohort?training=${training.id}`} className={buttonClass("secondary")} data-testid="cohort-link">{t("build")}</Link>
      </div>
    </Card>
  );
}
