"use client";

import { startTransition, useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { createPractitionerAction, updatePractitionerAction } from "@/features/practitioners/actions";
import {
  AWARD_LEVELS,
  DEGREES,
  EMPLOYMENT_TYPES,
  ENTRY_PATHS,
  GENDERS,
  MAJORS,
  PRACTICE_FIELDS,
  PROFESSIONAL_TITLES,
  TALENT_TRACKS,
  TARGET_GROUPS,
} from "@/domain/practitioners/enums";
import { idNumberBirthDate, idNumberGender, normaliseIdNumber } from "@/lib/id-number";
import { idNumberProblem } from "@/domain/practitioners/schemas";
import { inputClass, SelectField, TextField } from "@/components/ui/field";
import { Button, buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { CheckboxGroup } from "./checkbox-group";
import { useMessage } from "@/i18n/use-message";
import type { TFieldErrorCode } from "@/domain/common/errors";
import { isoDay } from "@/domain/common/calendar-day";

type TOption = { id: string; label: string };
type TAwardRow = { key: number; name: string; level: string; year: string };

/** Initial values as strings (dates as YYYY-MM-DD), as the edit page reads them. */
export type TPractitionerFormValues = {
  id: string;
  version: number;
  name: string;
  gender: string;
  birthDate: string;
  /** Only the year, for a viewer who may not see the full date: the field then starts empty and empty keeps it. */
  birthYear: string;
  idNumberMasked: string;
  phone: string;
  email: string;
  degree: string;
  major: string;
  degreeInstitution: string;
  degreeYear: string;
  professionalTitle: string;
  organizationId: string;
  employmentType: string;
  hireDate: string;
  practiceFields: string[];
  targetGroups: string[];
  talentTrack: string;
  keyPost: boolean;
  awards: { name: string; level: string; year: string }[];
};

type TProps = {
  employers: TOption[];
  /** Agency administrators register staff of their own agency: shown, not chosen. */
  fixedEmployer?: TOption | null;
  canSetKeyPost: boolean;
  practitioner?: TPractitionerFormValues;
};

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">{title}</legend>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

type TRowInputProps = { id: string; className: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

/** A labelled input inside a repeated row: ids come from the row, not the (shared) field name. */
function RowField({ label, id, error, children }: { label: string; id: string; error?: string; children: (props: TRowInputProps) => React.ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      {children({ id, className: inputClass(!!error), "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined })}
      {error ? <p id={`${id}-error`} className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

export function PractitionerForm({ employers, fixedEmployer, canSetKeyPost, practitioner: p }: TProps) {
  const t = useTranslations();
  const tp = useTranslations("practitioners");
  const msg = useMessage();
  const [state, action, pending] = useActionState(p ? updatePractitionerAction : createPractitionerAction, { ok: false });
  const v = state.values ?? {};
  const val = (k: keyof TPractitionerFormValues & string, fallback = "") => v[k] ?? (p ? String(p[k] ?? "") : fallback);

  const [birthDate, setBirthDate] = useState(val("birthDate"));
  const [gender, setGender] = useState(val("gender"));
  // The on-blur check of the ID number, tied to the server answer it supersedes.
  const [idCheck, setIdCheck] = useState<{ after: typeof state; problem: TFieldErrorCode | null } | null>(null);
  const idError = idCheck && idCheck.after === state ? idCheck.problem : (state.fieldErrors?.idNumber ?? null);
  const fe: Record<string, TFieldErrorCode> = { ...state.fieldErrors };
  if (idError) fe.idNumber = idError;
  else delete fe.idNumber;
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const refused = state.fieldErrors ?? {};
  const [fields, setFields] = useState<string[]>(p?.practiceFields ?? []);
  const [groups, setGroups] = useState<string[]>(p?.targetGroups ?? []);
  // Row keys (and the ids built from them) must match between server and client render.
  const [awards, setAwards] = useState<TAwardRow[]>(() => (p?.awards ?? []).map((a, i) => ({ key: i, ...a })));
  const nextKey = useRef(awards.length);

  /** Birth date and gender follow the ID number unless already filled. */
  function fillFromId(raw: string) {
    // Checked as soon as the field is left, in the user's language; the server checks again. An
    // empty field keeps what the last submit said of it ("required"), so passing through it
    // neither adds nor removes an error.
    if (!raw.trim()) return setIdCheck(null);
    const problem = idNumberProblem(raw);
    setIdCheck({ after: state, problem });
    if (problem) return;
    const id = normaliseIdNumber(raw);
    const birth = idNumberBirthDate(id);
    if (!birthDate && birth) setBirthDate(isoDay(birth));
    if (!gender) setGender(idNumberGender(id) ?? "");
  }

  // The summary links to an award row's fields by their ids (rows share their field names).
  const awardIds = Object.fromEntries(awards.flatMap((a, i) => [[`awards.${i}.name`, `awardName-${a.key}`], [`awards.${i}.level`, `awardLevel-${a.key}`], [`awards.${i}.year`, `awardYear-${a.key}`]]));
  const choose = <option value="">{t("common.choose")}</option>;
  const update = (key: number, patch: Partial<TAwardRow>) => setAwards((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <form
      action={action}
      className="space-y-6"
      noValidate
      // With JavaScript, submit without React's automatic form reset, so a refused form keeps
      // everything typed and chosen (award rows, checkboxes) exactly as it was.
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
    >
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      {/* What the last submit refused; the ID number's check on leaving the field shows under the field only. */}
      <ErrorSummary errors={refused} message={(k) => (refused[k] ? msg(refused[k], "validation") : undefined)} submitted={state} ids={awardIds} />
      {p ? (
        <>
          <input type="hidden" name="id" value={p.id} />
          <input type="hidden" name="version" value={p.version} />
        </>
      ) : null}

      <Section title={tp("sections.identity")}>
        <TextField label={tp("fields.name")} name="name" required maxLength={100} defaultValue={val("name")} error={err("name")} autoComplete="off" />
        <TextField
          label={p ? tp("fields.newIdNumber") : tp("fields.idNumber")}
          name="idNumber"
          required={!p}
          maxLength={18}
          defaultValue={v.idNumber ?? ""}
          error={err("idNumber")}
          hint={p ? tp("hints.idNumberEdit", { masked: p.idNumberMasked || "—" }) : tp("hints.idNumber")}
          autoComplete="off"
          spellCheck={false}
          onBlur={(e) => fillFromId(e.target.value)}
        />
        <SelectField label={tp("fields.gender")} name="gender" value={gender} onChange={(e) => setGender(e.target.value)} error={err("gender")}>
          {choose}
          {GENDERS.map((g) => (
            <option key={g} value={g}>{t(`enums.gender.${g}`)}</option>
          ))}
        </SelectField>
        <TextField label={tp("fields.birthDate")} name="birthDate" type="date" value={birthDate} onChange={(e) => setBirthDate(e.target.value)} error={err("birthDate")} hint={p?.birthYear ? tp("hints.birthYearOnly", { year: p.birthYear }) : tp("hints.birthFromId")} />
      </Section>

      <Section title={tp("sections.contact")}>
        <TextField label={tp("fields.phone")} name="phone" type="tel" maxLength={20} defaultValue={val("phone")} error={err("phone")} autoComplete="off" />
        <TextField label={tp("fields.email")} name="email" type="email" maxLength={254} defaultValue={val("email")} error={err("email")} autoComplete="off" />
      </Section>

      <Section title={tp("sections.education")}>
        <SelectField label={tp("fields.degree")} name="degree" defaultValue={val("degree", "NONE")} error={err("degree")}>
          {DEGREES.map((d) => (
            <option key={d} value={d}>{t(`enums.degree.${d}`)}</option>
          ))}
        </SelectField>
        <SelectField label={tp("fields.major")} name="major" defaultValue={val("major")} error={err("major")}>
          {choose}
          {MAJORS.map((m) => (
            <option key={m} value={m}>{t(`enums.major.${m}`)}</option>
          ))}
        </SelectField>
        <TextField label={tp("fields.degreeInstitution")} name="degreeInstitution" maxLength={200} defaultValue={val("degreeInstitution")} error={err("degreeInstitution")} />
        <TextField label={tp("fields.degreeYear")} name="degreeYear" type="number" inputMode="numeric" min={1950} max={2100} defaultValue={val("degreeYear")} error={err("degreeYear")} />
        <SelectField label={tp("fields.professionalTitle")} name="professionalTitle" defaultValue={val("professionalTitle", "NONE")} error={err("professionalTitle")}>
          {PROFESSIONAL_TITLES.map((x) => (
            <option key={x} value={x}>{t(`enums.professionalTitle.${x}`)}</option>
          ))}
        </SelectField>
      </Section>

      <Section title={tp("sections.employment")}>
        {fixedEmployer ? (
          <>
            <input type="hidden" name="organizationId" value={fixedEmployer.id} />
            <TextField label={tp("fields.organization")} name="organization-fixed" value={fixedEmployer.label} readOnly disabled hint={tp("hints.organizationFixed")} />
          </>
        ) : (
          <SelectField label={tp("fields.organization")} name="organizationId" required defaultValue={val("organizationId")} error={err("organizationId")}>
            {choose}
            {employers.map((o) => (
              <option key={o.id} value={o.id}>{o.label}</option>
            ))}
          </SelectField>
        )}
        <SelectField label={tp("fields.employmentType")} name="employmentType" defaultValue={val("employmentType")} error={err("employmentType")}>
          {choose}
          {EMPLOYMENT_TYPES.map((x) => (
            <option key={x} value={x}>{t(`enums.employmentType.${x}`)}</option>
          ))}
        </SelectField>
        <TextField label={tp("fields.hireDate")} name="hireDate" type="date" defaultValue={val("hireDate")} error={err("hireDate")} />
        {canSetKeyPost ? (
          <div className="flex items-start gap-2 pt-6">
            <input id="keyPost" name="keyPost" type="checkbox" defaultChecked={v.keyPost ? v.keyPost === "on" : !!p?.keyPost} className="mt-1 h-4 w-4 rounded border-slate-300" aria-describedby="keyPost-hint" />
            <div>
              <label htmlFor="keyPost" className="text-sm font-medium text-slate-700">{tp("fields.keyPost")}</label>
              <p id="keyPost-hint" className="text-xs text-slate-500">{tp("hints.keyPost")}</p>
            </div>
          </div>
        ) : null}
      </Section>

      <Section title={tp("sections.practice")}>
        <div className="sm:col-span-2">
          <CheckboxGroup legend={tp("fields.practiceFields")} name="practiceFields" options={PRACTICE_FIELDS.map((f) => ({ value: f, label: t(`enums.practiceField.${f}`) }))} value={fields} onChange={setFields} error={err("practiceFields")} />
        </div>
        <div className="sm:col-span-2">
          <CheckboxGroup legend={tp("fields.targetGroups")} name="targetGroups" options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`enums.targetGroup.${g}`) }))} value={groups} onChange={setGroups} error={err("targetGroups")} />
        </div>
        <SelectField label={tp("fields.talentTrack")} name="talentTrack" defaultValue={val("talentTrack")} error={err("talentTrack")}>
          {choose}
          {TALENT_TRACKS.map((x) => (
            <option key={x} value={x}>{t(`enums.talentTrack.${x}`)}</option>
          ))}
        </SelectField>
      </Section>

      <fieldset className="rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">{tp("sections.awards")}</legend>
        {awards.length === 0 ? <p className="text-sm text-slate-500">{tp("awards.none")}</p> : null}
        <ol className="space-y-3">
          {awards.map((a, i) => (
            <li key={a.key} className="grid gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-[1fr_12rem_7rem_auto] sm:items-start" aria-label={tp("awards.row", { n: i + 1 })}>
              <RowField label={tp("fields.awardName")} id={`awardName-${a.key}`} error={err(`awards.${i}.name`)}>
                {(props) => <input {...props} name="awardName" maxLength={200} value={a.name} onChange={(e) => update(a.key, { name: e.target.value })} />}
              </RowField>
              <RowField label={tp("fields.awardLevel")} id={`awardLevel-${a.key}`} error={err(`awards.${i}.level`)}>
                {(props) => (
                  <select {...props} name="awardLevel" value={a.level} onChange={(e) => update(a.key, { level: e.target.value })}>
                    {AWARD_LEVELS.map((l) => (
                      <option key={l} value={l}>{t(`enums.awardLevel.${l}`)}</option>
                    ))}
                  </select>
                )}
              </RowField>
              <RowField label={tp("fields.awardYear")} id={`awardYear-${a.key}`} error={err(`awards.${i}.year`)}>
                {(props) => <input {...props} name="awardYear" type="number" inputMode="numeric" min={1950} max={2100} value={a.year} onChange={(e) => update(a.key, { year: e.target.value })} />}
              </RowField>
              <Button variant="ghost" size="sm" className="sm:mt-7" aria-label={tp("awards.removeLabel", { n: i + 1 })} onClick={() => setAwards((rows) => rows.filter((r) => r.key !== a.key))}>
                {tp("awards.remove")}
              </Button>
            </li>
          ))}
        </ol>
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => setAwards((rows) => [...rows, { key: nextKey.current++, name: "", level: "MUNICIPAL", year: "" }])}>
          {tp("awards.add")}
        </Button>
      </fieldset>

      {!p ? (
        <Section title={tp("sections.entry")}>
          <SelectField label={tp("fields.entryPath")} name="entryPath" required defaultValue={v.entryPath ?? ""} error={err("entryPath")}>
            {choose}
            {ENTRY_PATHS.map((x) => (
              <option key={x} value={x}>{t(`enums.entryPath.${x}`)}</option>
            ))}
          </SelectField>
          <TextField label={tp("fields.entryDate")} name="entryDate" type="date" required defaultValue={v.entryDate ?? ""} error={err("entryDate")} hint={tp("hints.entry")} />
        </Section>
      ) : null}

      <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass("primary")}>
        {pending ? (
          <>
            <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-current border-r-transparent" />
            <span>{t("common.saving")}</span>
          </>
        ) : p ? (
          tp("form.save")
        ) : (
          tp("form.create")
        )}
      </button>
    </form>
  );
}
