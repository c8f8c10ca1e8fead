"use client";

import { useTranslations } from "next-intl";
import { requestRenewalAction } from "@/features/registrations/actions";
import { ConfirmAction } from "@/components/ui/confirm-action.client";

/** Ask for the next registration period, after a confirmation naming it. */
export function RenewalButton({ registrationId, version, number, nextStart, nextEnd }: { registrationId: string; version: number; number: string; nextStart: string; nextEnd: string }) {
  const t = useTranslations("registrations.renewal");
  return (
    <ConfirmAction
      action={requestRenewalAction}
      fields={{ registrationId, version: String(version) }}
      label={t("request")}
      title={t("requestTitle")}
      body={t("requestBody", { number, start: nextStart, end: nextEnd })}
      confirmLabel={t("requestConfirm")}
      variant="primary"
    />
  );
}
