"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateAgencyProfileAction } from "@/features/agencies/actions";
import { PRACTICE_FIELDS, TARGET_GROUPS } from "@/domain/practitioners/enums";
import { CheckboxGroup } from "@/features/practitioners/components/checkbox-group";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";
import { Card, Notice } from "@/components/ui/card";

export type TProfileFormAgency = {
  id: string;
  version: number;
  name: string;
  legalRepresentative: string;
  address: string;
  foundedOn: string;
  isPrivate: boolean;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  serviceAreas: string[];
  targetGroups: string[];
};

/**
 * The profile form. `particulars` (officials) adds the registered particulars; the agency's
 * own administrator sees only contact details, service areas and target groups. The server
 * applies only what the caller's role may edit, whatever the form sends.
 */
export function ProfileForm({ agency: a, particulars, today }: { agency: TProfileFormAgency; particulars: boolean; today: string }) {
  const t = useTranslations();
  const msg = useMessage();
  const tp = useTranslations("agencies.profile");
  const [state, action, formKey] = useFormAction(updateAgencyProfileAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k]!, "validation") : undefined);
  const [areas, setAreas] = useState<string[]>(a.serviceAreas);
  const [groups, setGroups] = useState<string[]>(a.targetGroups);
  return (
    <form key={formKey} action={action} className="space-y-6" noValidate>
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="id" value={a.id} />
      <input type="hidden" name="version" value={a.version} />
      {particulars ? (
        <Card title={tp("sections.particulars")}>
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <TextField label={tp("fields.name")} name="name" required maxLength={200} defaultValue={v.name ?? a.name} error={err("name")} />
            </div>
            <TextField label={tp("fields.legalRepresentative")} name="legalRepresentative" maxLength={100} defaultValue={v.legalRepresentative ?? a.legalRepresentative} error={err("legalRepresentative")} />
            <TextField label={tp("fields.foundedOn")} name="foundedOn" type="date" max={today} defaultValue={v.foundedOn ?? a.foundedOn} error={err("foundedOn")} />
            <div className="sm:col-span-2">
              <TextField label={tp("fields.address")} name="address" maxLength={300} defaultValue={v.address ?? a.address} error={err("address")} autoComplete="street-address" />
            </div>
            <SelectField label={tp("fields.ownership")} name="isPrivate" defaultValue={v.isPrivate ?? String(a.isPrivate)} error={err("isPrivate")}>
              <option value="true">{tp("ownership.private")}</option>
              <option value="false">{tp("ownership.public")}</option>
            </SelectField>
          </div>
        </Card>
      ) : (
        <p className="text-sm text-slate-600">{tp("hints.adminOnly")}</p>
      )}
      <Card title={tp("sections.contact")}>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label={tp("fields.contactName")} name="contactName" maxLength={100} defaultValue={v.contactName ?? a.contactName} error={err("contactName")} autoComplete="name" />
          <TextField label={tp("fields.contactPhone")} name="contactPhone" type="tel" maxLength={20} defaultValue={v.contactPhone ?? a.contactPhone} error={err("contactPhone")} autoComplete="tel" />
          <TextField label={tp("fields.contactEmail")} name="contactEmail" type="email" maxLength={254} defaultValue={v.contactEmail ?? a.contactEmail} error={err("contactEmail")} autoComplete="email" />
        </div>
      </Card>
      <Card title={tp("sections.services")}>
        <div className="space-y-6">
          <CheckboxGroup legend={tp("fields.serviceAreas")} name="serviceAreas" options={PRACTICE_FIELDS.map((f) => ({ value: f, label: t(`enums.practiceField.${f}`) }))} value={areas} onChange={setAreas} error={err("serviceAreas")} />
          <CheckboxGroup legend={tp("fields.targetGroups")} name="targetGroups" options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`enums.targetGroup.${g}`) }))} value={groups} onChange={setGroups} error={err("targetGroups")} />
        </div>
      </Card>
      <SubmitButton pendingLabel={t("common.saving")}>{tp("save")}</SubmitButton>
    </form>
  );
}
