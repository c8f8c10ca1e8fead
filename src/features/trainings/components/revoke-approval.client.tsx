"use client";

import { useTranslations } from "next-intl";
import { revokeApprovalAction } from "@/features/trainings/actions";
import { DialogField, ModalForm } from "@/features/agencies/components/modal-form";

/** Revoke an approval: a dialog asks for the reason. */
export function RevokeApproval({ id, version, provider }: { id: string; version: number; provider: string }) {
  const t = useTranslations("trainings.providers");
  return (
    <ModalForm
      action={revokeApprovalAction}
      id={`revoke-${id}`}
      hidden={{ id, version }}
      triggerLabel={t("revoke")}
      triggerContext={provider}
      title={t("revokeTitle", { provider })}
      body={t("revokeBody")}
      confirmLabel={t("revoke")}
      fields={(err, value) => <DialogField id={`revoke-${id}-reason`} name="reason" label={t("reason")} multiline required error={err("reason")} defaultValue={value("reason", "")} />}
    />
  );
}
