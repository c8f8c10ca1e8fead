"use client";

import { useTranslations } from "next-intl";
import { changeAgencyStatusAction } from "@/features/agencies/actions";
import { STATUS_VERBS, type TManualAgencyStatus } from "@/domain/agencies/status-rules";
import { DialogField, ModalForm } from "./modal-form";

type TProps = { agency: { id: string; version: number; name: string }; allowed: TManualAgencyStatus[]; today: string };

/** Suspend / revoke / reinstate: one button per allowed change, each confirming in a dialog with a date and a reason. */
export function StatusActions({ agency, allowed, today }: TProps) {
  const t = useTranslations("agencies.status");
  return (
    <div className="flex flex-wrap gap-2">
      {allowed.map((status) => {
        const verb = STATUS_VERBS[status];
        const id = `status-${verb}`;
        return (
          <ModalForm
            key={`${verb}-${agency.version}`}
            id={id}
            action={changeAgencyStatusAction}
            hidden={{ id: agency.id, version: agency.version, status }}
            triggerLabel={t(`verbs.${verb}`)}
            title={t(`titles.${verb}`)}
            body={t(`bodies.${verb}`, { name: agency.name })}
            confirmLabel={t(`confirm.${verb}`)}
            variant={status === "ACTIVE" ? "primary" : "danger"}
            fields={(err, value) => (
              <>
                <DialogField id={`${id}-effectiveFrom`} name="effectiveFrom" label={t("effectiveFrom")} type="date" required max={today} defaultValue={value("effectiveFrom", today)} error={err("effectiveFrom")} />
                <DialogField id={`${id}-reason`} name="reason" label={t("reason")} multiline required maxLength={500} defaultValue={value("reason", "")} error={err("reason")} />
              </>
            )}
          />
        );
      })}
    </div>
  );
}
