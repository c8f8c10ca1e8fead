"use client";

import { useTranslations } from "next-intl";
import { endIntegrityRecordAction } from "@/features/agencies/actions";
import { DialogField, ModalForm } from "./modal-form";

type TProps = { record: { id: string; version: number; label: string; occurredOn: string }; today: string };

/** Ends an integrity record that is still running, after confirming the end date in a dialog. */
export function EndRecordButton({ record, today }: TProps) {
  const t = useTranslations("agencies.integrity");
  const id = `end-${record.id}`;
  return (
    <ModalForm
      key={record.version}
      id={id}
      action={endIntegrityRecordAction}
      hidden={{ id: record.id, version: record.version }}
      triggerLabel={t("end")}
      triggerContext={record.label}
      title={t("endTitle")}
      body={t("endBody", { record: record.label })}
      confirmLabel={t("endConfirm")}
      fields={(err, value) => (
        <DialogField id={`${id}-endsOn`} name="endsOn" label={t("fields.endsOn")} type="date" required min={record.occurredOn} defaultValue={value("endsOn", today)} error={err("endsOn")} />
      )}
    />
  );
}
