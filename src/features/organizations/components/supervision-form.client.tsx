"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setSupervisingDepartmentAction } from "@/features/organizations/actions";
import { SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { useMessage } from "@/i18n/use-message";

export type TDepartmentOption = { id: string; label: string };

/** The city administrator chooses the government department that supervises an organisation (or none). */
export function SupervisionForm({ organization: o, departments }: { organization: { id: string; version: number; supervisingDepartmentId: string }; departments: TDepartmentOption[] }) {
  const t = useTranslations();
  const msg = useMessage();
  const [state, action] = useActionState(setSupervisingDepartmentAction, { ok: false });
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate data-testid="supervision-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <input type="hidden" name="id" value={o.id} />
      <input type="hidden" name="version" value={o.version} />
      <SelectField
        label={t("organizations.supervision.field")}
        name="supervisingDepartmentId"
        defaultValue={v.supervisingDepartmentId ?? o.supervisingDepartmentId}
        error={fe.supervisingDepartmentId ? msg(fe.supervisingDepartmentId, "validation") : undefined}
        hint={t("organizations.supervision.hint")}
      >
        <option value="">{t("organizations.supervision.none")}</option>
        {departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingLabel={t("common.saving")}>{t("organizations.supervision.save")}</SubmitButton>
    </form>
  );
}
