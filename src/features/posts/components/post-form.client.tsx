"use client";

import type { AdminLevel, OrganizationKind } from "@/generated/prisma/client";
import { useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { useTranslations } from "next-intl";
import { createPostAction, updatePostAction } from "@/features/posts/actions";
import { RATIO_BASES, type TPostKind } from "@/domain/posts/enums";
import { suggestPracticeField } from "@/domain/posts/rules";
import { MAX_BASIS, MAX_HEADCOUNT, MAX_RATIO } from "@/domain/posts/schemas";
import { PRACTICE_FIELDS, QUALIFICATION_LEVELS } from "@/domain/practitioners/enums";
import { requiredHeadcount } from "@/domain/posts/post-maths";
import { inputClass, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { useMessage } from "@/i18n/use-message";
import { ErrorSummary } from "@/components/ui/error-summary";

export type TPostOrgOption = { id: string; label: string; kind: OrganizationKind; departmentType: string | null; adminLevel: AdminLevel | null };

/** Initial values as strings, as the edit page reads them. */
export type TPostFormValues = {
  id: string;
  version: number;
  title: string;
  organizationId: string;
  practiceField: string;
  requiredQualification: string;
  description: string;
  headcount: string;
  ratioBasis: string;
  basisCount: string;
  ratioPerWorker: string;
};

type TProps = { kind: TPostKind; organizations: TPostOrgOption[]; post?: TPostFormValues };

/** A whole number as typed, or null (the live figure then shows a dash; the server says why). */
function whole(v: string): number | null {
  const s = v.trim();
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 ? n : null;
}

export function PostForm({ kind, organizations, post: p }: TProps) {
  const t = useTranslations();
  const tp = useTranslations("posts");
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(p ? updatePostAction : createPostAction);
  const v = state.values ?? {};
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);

  const only = organizations.length === 1 ? organizations[0]! : null;
  const [orgId, setOrgId] = useState(p?.organizationId ?? only?.id ?? "");
  const suggested = (id: string) => {
    const o = organizations.find((x) => x.id === id);
    return o ? (suggestPracticeField(o) ?? "") : "";
  };
  const [field, setField] = useState(p?.practiceField ?? suggested(orgId));
  // Once the user picks a field themselves, changing the organisation no longer overrides it.
  const [fieldTouched, setFieldTouched] = useState(!!p);
  const [headcount, setHeadcount] = useState(p?.headcount ?? "");
  const [basis, setBasis] = useState(p?.ratioBasis ?? "");
  const [basisCount, setBasisCount] = useState(p?.basisCount ?? "");
  const [ratio, setRatio] = useState(p?.ratioPerWorker ?? "");

  const org = organizations.find((o) => o.id === orgId) ?? null;
  const hc = whole(headcount);
  const bc = whole(basisCount);
  const rp = whole(ratio);
  const required = kind === "DEPARTMENT" ? (hc !== null ? requiredHeadcount({ kind, headcount: hc }) : null) : bc !== null && rp !== null ? requiredHeadcount({ kind, basisCount: bc, ratioPerWorker: rp }) : null;

  const choose = <option value="">{t("common.choose")}</option>;
  return (
    <form key={formKey} action={action} className="space-y-6" noValidate>
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <input type="hidden" name="kind" value={kind} />
      {p ? (
        <>
          <input type="hidden" name="id" value={p.id} />
          <input type="hidden" name="version" value={p.version} />
        </>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <TextField label={tp("fields.title")} name="title" required maxLength={200} defaultValue={v.title ?? p?.title ?? ""} error={err("title")} />
        </div>
        <SelectField
          label={kind === "DEPARTMENT" ? tp("fields.department") : tp("fields.institution")}
          name="organizationId"
          required
          value={orgId}
          onChange={(e) => {
            setOrgId(e.target.value);
            if (!fieldTouched) setField(suggested(e.target.value));
          }}
          error={err("organizationId")}
          hint={org ? (kind === "DEPARTMENT" && org.adminLevel ? tp("form.level", { level: t(`adminLevels.${org.adminLevel}`) }) : t(`orgKinds.${org.kind}`)) : kind === "DEPARTMENT" ? tp("form.departmentHint") : tp("form.institutionHint")}
        >
          {only ? null : choose}
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>{o.label}</option>
          ))}
        </SelectField>
        <SelectField
          label={tp("fields.practiceField")}
          name="practiceField"
          required
          value={field}
          onChange={(e) => {
            setField(e.target.value);
            setFieldTouched(true);
          }}
          error={err("practiceField")}
          hint={!fieldTouched && field ? tp("form.fieldSuggested") : undefined}
        >
          {choose}
          {PRACTICE_FIELDS.map((f) => (
            <option key={f} value={f}>{t(`enums.practiceField.${f}`)}</option>
          ))}
        </SelectField>
      </div>

      <fieldset className="rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">{kind === "DEPARTMENT" ? tp("form.headcountLegend") : tp("form.ratioLegend")}</legend>
        {kind === "DEPARTMENT" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label={tp("fields.headcount")} name="headcount" type="number" inputMode="numeric" min={1} max={MAX_HEADCOUNT} step={1} required value={headcount} onChange={(e) => setHeadcount(e.target.value)} error={err("headcount")} />
          </div>
        ) : (
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField label={tp("fields.ratioBasis")} name="ratioBasis" required value={basis} onChange={(e) => setBasis(e.target.value)} error={err("ratioBasis")}>
              {choose}
              {RATIO_BASES.map((b) => (
                <option key={b} value={b}>{t(`enums.ratioBasis.${b}`)}</option>
              ))}
            </SelectField>
            <TextField label={tp("fields.basisCount")} name="basisCount" type="number" inputMode="numeric" min={1} max={MAX_BASIS} step={1} required value={basisCount} onChange={(e) => setBasisCount(e.target.value)} error={err("basisCount")} />
            <TextField
              label={tp("fields.ratioPerWorker")}
              name="ratioPerWorker"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_RATIO}
              step={1}
              required
              value={ratio}
              onChange={(e) => setRatio(e.target.value)}
              error={err("ratioPerWorker")}
              hint={tp("form.ratioHint")}
            />
          </div>
        )}
        <p className="mt-4 text-sm text-slate-700">
          {tp("fields.requiredHeadcount")}
          {t("common.colon")}
          <output htmlFor={kind === "DEPARTMENT" ? "headcount" : "basisCount ratioPerWorker"} aria-live="polite" data-testid="required-headcount" className="text-lg font-semibold text-slate-900">
            {required ?? "—"}
          </output>
          {kind === "RATIO" && required !== null && bc !== null && rp !== null ? (
            <span className="ml-2 text-xs text-slate-500">{tp("form.ratioWorking", { count: bc, n: rp, required })}</span>
          ) : null}
        </p>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={tp("fields.requiredQualification")} name="requiredQualification" required defaultValue={v.requiredQualification ?? p?.requiredQualification ?? "ASSISTANT_SOCIAL_WORKER"} error={err("requiredQualification")}>
          {QUALIFICATION_LEVELS.map((l) => (
            <option key={l} value={l}>{t(`enums.qualificationLevel.${l}`)}</option>
          ))}
        </SelectField>
        <div className="space-y-1.5 sm:col-span-2">
          <label htmlFor="description" className="block text-sm font-medium text-slate-700">{tp("fields.description")}</label>
          <textarea
            id="description"
            name="description"
            rows={3}
            maxLength={2000}
            defaultValue={v.description ?? p?.description ?? ""}
            aria-invalid={!!fe.description || undefined}
            aria-describedby={fe.description ? "description-error" : undefined}
            className={cn(inputClass(!!fe.description), "h-auto py-2")}
          />
          {fe.description ? <p id="description-error" className="text-sm text-red-700">{err("description")}</p> : null}
        </div>
      </div>

      <SubmitButton pendingLabel={t("common.saving")}>{p ? tp("form.save") : tp("form.create")}</SubmitButton>
    </form>
  );
}
