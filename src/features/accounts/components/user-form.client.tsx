"use client";

import { useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { useTranslations } from "next-intl";
import { createUserAction, updateUserAction } from "@/features/accounts/actions";
import { isOrganizationRole, ROLE_ORGANIZATION_KIND, ROLE_SCOPE_FIELD } from "@/domain/accounts/role-scope";
import { ROLES, type TRole } from "@/domain/authz/matrix";
import { SelectField, TextField } from "@/components/ui/field";
import { PractitionerPicker } from "@/features/practitioners/components/practitioner-picker";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

type TOption = { id: string; label: string };
export type TScopeOptions = { districts: TOption[]; departments: TOption[]; agencies: TOption[]; evaluationBodies: TOption[]; trainingProviders: TOption[]; practitioners: TOption[] };

type TProps = {
  options: TScopeOptions;
  user?: { id: string; email: string; name: string; role: TRole; regionId: string | null; organizationId: string | null; practitionerId: string | null; version: number };
};

type TOrgKind = (typeof ROLE_ORGANIZATION_KIND)[keyof typeof ROLE_ORGANIZATION_KIND];
const ORG_OPTIONS = {
  GOVERNMENT_DEPARTMENT: (o: TScopeOptions) => o.departments,
  AGENCY: (o: TScopeOptions) => o.agencies,
  EVALUATION_BODY: (o: TScopeOptions) => o.evaluationBodies,
  TRAINING_PROVIDER: (o: TScopeOptions) => o.trainingProviders,
} satisfies Record<TOrgKind, (o: TScopeOptions) => unknown>;
const ORG_LABEL = { GOVERNMENT_DEPARTMENT: "users.department", AGENCY: "users.agency", EVALUATION_BODY: "users.evaluationBody", TRAINING_PROVIDER: "users.trainingProvider" } as const satisfies Record<TOrgKind, string>;

export function UserForm({ options, user }: TProps) {
  const t = useTranslations();
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(user ? updateUserAction : createUserAction);
  const v = state.values ?? {};
  const [role, setRole] = useState<TRole | "">((v.role as TRole) ?? user?.role ?? "");
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const scopeField = role ? ROLE_SCOPE_FIELD[role] : null;
  const orgKind = role && isOrganizationRole(role) ? ROLE_ORGANIZATION_KIND[role] : null;
  const orgOptions = orgKind ? ORG_OPTIONS[orgKind](options) : [];
  const orgLabel = t(orgKind ? ORG_LABEL[orgKind] : "users.evaluationBody");

  return (
    <form key={formKey} action={action} className="max-w-xl space-y-4" noValidate>
      {state.ok && state.message ? <Notice tone="success">{t(`notices.${state.message}`)}</Notice> : null}
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      {user ? (
        <>
          <input type="hidden" name="id" value={user.id} />
          <input type="hidden" name="version" value={user.version} />
          <TextField label={t("auth.email")} name="email-readonly" value={user.email} readOnly disabled />
        </>
      ) : (
        <TextField label={t("auth.email")} name="email" type="email" required defaultValue={v.email ?? ""} error={err("email")} hint={t("users.emailHint")} />
      )}
      <TextField label={t("users.name")} name="name" required defaultValue={v.name ?? user?.name ?? ""} error={err("name")} maxLength={100} />
      <SelectField label={t("home.role")} name="role" required value={role} onChange={(e) => setRole(e.target.value as TRole)} error={err("role")}>
        <option value="">{t("common.choose")}</option>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </SelectField>
      {scopeField === "regionId" ? (
        <SelectField label={t("users.district")} name="regionId" required defaultValue={v.regionId ?? user?.regionId ?? ""} error={err("regionId")}>
          <option value="">{t("common.choose")}</option>
          {options.districts.map((o) => (
            <option key={o.id} value={o.id}>{o.label}</option>
          ))}
        </SelectField>
      ) : null}
      {scopeField === "organizationId" ? (
        <SelectField key={role} label={orgLabel} name="organizationId" required defaultValue={v.organizationId ?? user?.organizationId ?? ""} error={err("organizationId")}>
          <option value="">{t("common.choose")}</option>
          {orgOptions.map((o) => (
            <option key={o.id} value={o.id}>{o.label}</option>
          ))}
        </SelectField>
      ) : null}
      {scopeField === "practitionerId" ? (
        <PractitionerPicker
          label={t("users.practitioner")}
          chooseLabel={t("common.choose")}
          options={options.practitioners}
          defaultValue={v.practitionerId ?? user?.practitionerId ?? ""}
          error={err("practitionerId")}
          hint={t("users.practitionerHint")}
        />
      ) : null}
      {role === "EXPERT" ? <p className="text-sm text-slate-600" data-testid="expert-scope-hint">{t("users.expertHint")}</p> : null}
      {user ? <p className="text-xs text-slate-500">{t("users.roleChangeSignsOut")}</p> : null}
      <SubmitButton pendingLabel={t("common.saving")}>{user ? t("common.save") : t("users.createAndInvite")}</SubmitButton>
    </form>
  );
}
