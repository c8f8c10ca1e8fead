import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TCallDetail } from "@/server/service-calls/queries";
import { cancelCallAction, closeCallAction, publishCallAction } from "@/features/service-calls/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { buttonClass } from "@/components/ui/button";

/** Edit and publish a draft, cancel a draft or an open call, close an open call once its deadline has passed. */
export async function CallManageActions({ call, now }: { call: TCallDetail; now: Date }) {
  const t = await getTranslations("serviceCalls");
  const fields = { id: call.id, version: String(call.version) };
  const live = call.status === "DRAFT" || call.status === "OPEN";
  const closable = call.status === "OPEN" && call.deadline.getTime() <= now.getTime();
  return (
    <div className="flex flex-wrap items-start gap-2" data-testid="call-manage">
      {call.status === "DRAFT" ? <Link href={`/service-calls/${call.id}/edit`} className={buttonClass("secondary")}>{t("manage.edit")}</Link> : null}
      {call.status === "DRAFT" ? (
        <ConfirmAction variant="primary" action={publishCallAction} extraNamespaces={["serviceCalls.errors"]} fields={fields} label={t("manage.publish")} title={t("manage.publishTitle")} body={t("manage.publishBody")} confirmLabel={t("manage.publish")} />
      ) : null}
      {closable ? (
        <ConfirmAction variant="primary" action={closeCallAction} extraNamespaces={["serviceCalls.errors"]} fields={fields} label={t("manage.close")} title={t("manage.closeTitle")} body={t("manage.closeBody")} confirmLabel={t("manage.closeConfirm")} />
      ) : null}
      {live ? (
        <ConfirmAction action={cancelCallAction} extraNamespaces={["serviceCalls.errors"]} fields={fields} label={t("manage.cancel")} title={t("manage.cancelTitle")} body={t("manage.cancelBody")} confirmLabel={t("manage.cancelConfirm")} />
      ) : null}
    </div>
  );
}
