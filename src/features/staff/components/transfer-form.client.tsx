"use client";

import { startTransition, useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { recordLeavingAction } from "@/features/staff/actions";
import type { TActionState } from "@/domain/common/action-state";
import { fieldErrorsOf, type TFieldErrorCode } from "@/domain/common/errors";
import { ZRecordLeaving } from "@/domain/staff/schemas";
import { SelectField, TextField } from "@/components/ui/field";
import { Button, buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { useMessage } from "@/i18n/use-message";
import { ErrorSummary } from "@/components/ui/error-summary";

type TAgency = { id: string; label: string };

/** Record that a staff member leaves, or moves to another active agency; asks for confirmation first. */
export function TransferForm({ practitionerId, version, name, employer, agencies, today }: { practitionerId: string; version: number; name: string; employer: string; agencies: TAgency[]; today: string }) {
  const t = useTranslations("staff.transfer");
  const tc = useTranslations("common");
  const msg = useMessage();
  const [state, action, pending] = useActionState<TActionState, FormData>(recordLeavingAction, { ok: false });
  const v = state.values ?? {};
  const [kind, setKind] = useState<"LEFT" | "MOVED">(v.kind === "MOVED" ? "MOVED" : "LEFT");
  const [summary, setSummary] = useState("");
  const form = useRef<HTMLFormElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  // The form's own schema, checked before the confirmation is asked for: every problem at once, in the summary.
  const [refused, setRefused] = useState<{ after: TActionState; errors: Record<string, TFieldErrorCode> } | null>(null);
  const fe = refused && refused.after === state ? refused.errors : (state.fieldErrors ?? {});
  const err = (k: string) => (fe[k] ? msg(fe[k]!, "validation") : undefined);

  const ask = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending || !form.current) return;
    const data = new FormData(form.current);
    const checked = ZRecordLeaving.safeParse(Object.fromEntries(data));
    if (!checked.success) return setRefused({ after: state, errors: fieldErrorsOf(checked.error.issues) });
    setRefused(null);
    const date = String(data.get("date") ?? "");
    const target = agencies.find((a) => a.id === data.get("toOrganizationId"))?.label ?? "";
    setSummary(kind === "MOVED" ? t("confirmMoved", { name, employer, target, date }) : t("confirmLeft", { name, employer, date }));
    dialog.current?.showModal();
  };
  const confirm = () => {
    dialog.current?.close();
    if (!form.current) return;
    const data = new FormData(form.current);
    startTransition(() => action(data));
  };

  return (
    <form ref={form} onSubmit={ask} noValidate aria-busy={pending || undefined} className="space-y-4" data-testid="transfer-form">
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={refused ?? state} />
      <input type="hidden" name="id" value={practitionerId} />
      <input type="hidden" name="version" value={version} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("kind")}</legend>
        {(["LEFT", "MOVED"] as const).map((k) => (
          <label key={k} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="h-4 w-4" />
            {t(`kinds.${k}`)}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("date")} name="date" type="date" required max={today} defaultValue={v.date ?? today} error={err("date")} />
        {kind === "MOVED" ? (
          <SelectField label={t("toOrganization")} name="toOrganizationId" required defaultValue={v.toOrganizationId ?? ""} error={err("toOrganizationId")}>
            <option value="">{tc("choose")}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>{a.label}</option>
            ))}
          </SelectField>
        ) : null}
        <div className="sm:col-span-2">
          <TextField label={t("note")} name="note" maxLength={500} defaultValue={v.note ?? ""} error={err("note")} hint={t("noteHint")} />
        </div>
      </div>
      <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass("secondary")}>
        {pending ? tc("working") : t("submit")}
      </button>
      <dialog ref={dialog} aria-labelledby="transfer-confirm-title" className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <div className="space-y-4 p-6">
          <h2 id="transfer-confirm-title" className="text-lg font-semibold text-slate-900">{t("confirmTitle")}</h2>
          <p className="text-sm text-slate-700">{summary}</p>
          <p className="text-sm text-slate-600">{kind === "MOVED" ? t("confirmMovedScope") : t("confirmLeftScope")}</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>{tc("cancel")}</Button>
            <Button variant="danger" onClick={confirm}>{t("confirm")}</Button>
          </div>
        </div>
      </dialog>
    </form>
  );
}
