"use client";

import { createContext, useActionState, useContext, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { verifyCredentialsAction, type TBatchVerifyState } from "@/features/credentials/actions";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { useMessage } from "@/i18n/use-message";

/** A credential on this page of the queue that the caller may verify. */
export type TBatchItem = { id: string; version: number; label: string };

const INITIAL: TBatchVerifyState = { ok: false };
const NONE: ReadonlySet<string> = new Set();

type TSelection = { selected: ReadonlySet<string>; toggle: (id: string, on: boolean) => void };
const Selection = createContext<TSelection | null>(null);

/**
 * Verify several credentials at once: a checkbox on each row (SelectCredential), "select all on
 * this page", one button naming the count, one confirmation dialog stating it. The server verifies
 * each by the single-verification rule and audits each; those refused (decided or changed
 * meanwhile) are listed with their reason, and the others are verified all the same.
 */
export function BatchVerify({ items, children }: { items: TBatchItem[]; children: ReactNode }) {
  const t = useTranslations("credentials");
  const msg = useMessage();
  const [state, action] = useActionState<TBatchVerifyState, FormData>(verifyCredentialsAction, INITIAL);
  // A selection belongs to the outcome it was made after: a new outcome starts with none selected.
  const [selection, setSelection] = useState<{ ids: ReadonlySet<string>; after: TBatchVerifyState }>({ ids: NONE, after: INITIAL });
  const selected = selection.after === state ? selection.ids : NONE;
  const setSelected = (ids: ReadonlySet<string>) => setSelection({ ids, after: state });
  const dialog = useRef<HTMLDialogElement>(null);
  const allBox = useRef<HTMLInputElement>(null);
  const result = useRef<HTMLDivElement>(null);
  /** Labels of what was sent, to name the refused ones after their rows have changed. */
  const [sent, setSent] = useState<ReadonlyMap<string, string>>(new Map());
  const id = `batch-${useId().replace(/:/g, "")}`;
  // Only rows still on the page count (a decision elsewhere may have removed some).
  const chosen = items.filter((i) => selected.has(i.id));
  const count = chosen.length;
  const all = items.length > 0 && count === items.length;

  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = count > 0 && !all;
  }, [count, all]);

  useEffect(() => {
    if (!state.ok && !state.error) return;
    dialog.current?.close();
    // The outcome is what to read next: focus moves there (the rows verified have left the list).
    result.current?.focus();
  }, [state]);

  const toggle = (itemId: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(itemId);
    else next.delete(itemId);
    setSelected(next);
  };

  const failed = state.failed ?? [];
  const refusal = state.error === "checkFields" ? (state.fieldErrors?.credentials ? msg(state.fieldErrors.credentials, "validation") : null) : state.error ? msg(state.error, "errors") : null;

  return (
    <Selection.Provider value={{ selected, toggle }}>
      <div ref={result} tabIndex={-1} className="space-y-2 focus:outline-none" data-testid="batch-result">
        {state.ok && state.verified ? <Notice tone="success">{t("batchDone", { count: state.verified })}</Notice> : null}
        {failed.length ? (
          <Notice tone="error">
            <p>{t("batchFailed", { count: failed.length })}</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {failed.map((f) => (
                <li key={f.id}>
                  {sent.get(f.id) ?? f.id}: {msg(f.error, "errors")}
                </li>
              ))}
            </ul>
          </Notice>
        ) : null}
        {refusal ? <Notice tone="error">{refusal}</Notice> : null}
      </div>
      {items.length ? (
        <div className="my-3 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm" data-testid="batch-bar">
          <label className="inline-flex min-h-9 items-center gap-2 text-sm text-slate-800">
            <input
              ref={allBox}
              type="checkbox"
              className="h-5 w-5 rounded border-slate-400 accent-brand-700"
              checked={all}
              onChange={(e) => setSelected(e.target.checked ? new Set(items.map((i) => i.id)) : new Set())}
            />
            {t("selectAll")}
          </label>
          <span className="text-sm text-slate-600" aria-live="polite">
            {t("selected", { count })}
          </span>
          <Button size="sm" className="sm:ml-auto" disabled={count === 0} onClick={() => dialog.current?.showModal()}>
            {t("verifySelected", { count })}
          </Button>
        </div>
      ) : null}
      {children}
      <dialog ref={dialog} aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form
          action={action}
          onSubmit={() => {
            setSent(new Map(chosen.map((i) => [i.id, i.label])));
          }}
          className="space-y-4 p-6"
        >
          {chosen.map((i) => (
            <input key={i.id} type="hidden" name="credential" value={`${i.id}:${i.version}`} />
          ))}
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
            {t("batchTitle", { count })}
          </h2>
          <p id={`${id}-body`} className="text-sm text-slate-600">
            {t("batchBody")}
          </p>
          <ul className="max-h-48 list-disc space-y-0.5 overflow-y-auto pl-5 text-sm text-slate-800" tabIndex={0} aria-label={t("selected", { count })}>
            {chosen.map((i) => (
              <li key={i.id}>{i.label}</li>
            ))}
          </ul>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {t("cancel")}
            </Button>
            <SubmitButton pendingLabel={t("working")}>{t("batchConfirm", { count })}</SubmitButton>
          </div>
        </form>
      </dialog>
    </Selection.Provider>
  );
}

/** A row's checkbox for BatchVerify (its label names the credential; translated by the server). */
export function SelectCredential({ id, label }: { id: string; label: string }) {
  const selection = useContext(Selection);
  if (!selection) return null;
  return (
    <input
      type="checkbox"
      className="mt-0.5 h-5 w-5 shrink-0 rounded border-slate-400 accent-brand-700"
      aria-label={label}
      checked={selection.selected.has(id)}
      onChange={(e) => selection.toggle(id, e.target.checked)}
      data-testid="select-credential"
    />
  );
}
