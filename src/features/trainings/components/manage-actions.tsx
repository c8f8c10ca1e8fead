import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TTrainingDetail } from "@/server/trainings/queries";
import { cancelTrainingAction, closeTrainingAction, publishTrainingAction } from "@/features/trainings/actions";
import { publishBlocker } from "@/domain/trainings/rules";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { buttonClass } from "@/components/ui/button";

/** Edit, publish, close (completions) and cancel, as the programme's status allows. */
export async function ManageActions({ t: p, today }: { t: TTrainingDetail; today: Date }) {
  const t = await getTranslations("trainings");
  const fields = { id: p.id, version: String(p.version) };
  const live = p.status === "DRAFT" || p.status === "PUBLISHED";
  const lastSession = p.sessions.at(-1)?.date ?? null;
  const closable = p.status === "PUBLISHED" && lastSession !== null && lastSession.getTime() <= today.getTime();
  const blocker = publishBlocker({ lengthHalfHours: p.lengthHalfHours, sessions: p.sessions });
  return (
    <div className="flex flex-wrap items-start gap-2" data-testid="manage-actions">
      {live ? <Link href={`/trainings/${p.id}/edit`} className={buttonClass("secondary")}>{t("manage.edit")}</Link> : null}
      {p.status === "DRAFT" ? (
        <ConfirmAction
          variant="primary"
          action={publishTrainingAction}
          extraNamespaces={["trainings.errors"]}
          fields={fields}
          label={t("manage.publish")}
          title={t("manage.publishTitle")}
          body={blocker ? t(`errors.${blocker}`) : t("manage.publishBody")}
          confirmLabel={t("manage.publish")}
        />
      ) : null}
      {closable ? (
        <ConfirmAction
          variant="primary"
          action={closeTrainingAction}
          extraNamespaces={["trainings.errors"]}
          fields={fields}
          label={t("manage.close")}
          title={t("manage.closeTitle")}
          body={t("manage.closeBody", { percent: p.completionPercent, needed: p.sessionsNeeded, sessions: p.sessions.length })}
          confirmLabel={t("manage.closeConfirm")}
        />
      ) : null}
      {live ? (
        <ConfirmAction
          action={cancelTrainingAction}
          extraNamespaces={["trainings.errors"]}
          fields={fields}
          label={t("manage.cancel")}
          title={t("manage.cancelTitle")}
          body={t("manage.cancelBody", { enrolled: p.taken, waitlisted: p.waitlisted })}
          confirmLabel={t("manage.cancelConfirm")}
        />
      ) : null}
    </div>
  );
}
