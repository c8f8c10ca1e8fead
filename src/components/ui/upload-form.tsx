"use client";

import { startTransition, useActionState, useId, type FormEvent, type ReactNode } from "react";
import { inputClass } from "./field";
import { buttonClass } from "./button";
import type { TActionState } from "@/domain/common/action-state";

// Forms that send a file (a credential's scan, a proof of hours). Submitted from onSubmit rather
// than <form action>: React would reset the form after the action, dropping the chosen file and the
// selects on a refusal. Each success gets a new `round`, which the form uses as its key to remount
// (clear) the fields; the round travels in the state so it changes in the same render.

export type TUploadState = TActionState & { round?: number };

/** The action wrapped so a failed request (connection lost, body over the upload limit) is a state, not a crash. */
export function useUploadAction(serverAction: (prev: TActionState, formData: FormData) => Promise<TActionState>) {
  return useActionState(async (prev: TUploadState, formData: FormData): Promise<TUploadState> => {
    let next: TActionState;
    try {
      next = await serverAction(prev, formData);
    } catch {
      next = { ok: false, error: "unexpected" };
    }
    return { ...next, round: (prev.round ?? 0) + (next.ok ? 1 : 0) };
  }, { ok: false } as TUploadState);
}

/**
 * The submit handler: refuses a file over `maxBytes` before it is sent (the server refuses it
 * too, but only after the upload), else sends the form.
 */
export function uploadSubmit(opts: { pending: boolean; field: string; maxBytes: number; onTooLarge: () => void; onOk: () => void; action: (formData: FormData) => void }) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (opts.pending) return;
    const input = e.currentTarget.elements.namedItem(opts.field) as HTMLInputElement | null;
    const file = input?.files?.[0];
    if (file && file.size > opts.maxBytes) return opts.onTooLarge();
    opts.onOk();
    const formData = new FormData(e.currentTarget);
    startTransition(() => opts.action(formData));
  };
}

/**
 * A required file input with its label, hint and error, wired for assistive technology. Its id is
 * unique on the page (two upload forms may sit on one page, both with a field named "scan").
 */
export function FileField({ name, label, hint, error, accept }: { name: string; label: string; hint: ReactNode; error?: string; accept: string }) {
  const id = `${name}-${useId().replace(/:/g, "")}`;
  return (
    <div className="space-y-1.5 sm:col-span-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
        <span className="ml-0.5 text-red-700" aria-hidden>*</span>
      </label>
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        required
        aria-invalid={!!error || undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        className={`${inputClass(!!error)} h-auto py-1.5 file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm`}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">{error}</p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-slate-500">{hint}</p>
      )}
    </div>
  );
}

/** The primary submit button with a spinner while the form is sent. */
export function PendingSubmit({ pending, label, pendingLabel }: { pending: boolean; label: string; pendingLabel: string }) {
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass("primary")}>
      {pending ? (
        <>
          <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-current border-r-transparent" />
          <span>{pendingLabel}</span>
        </>
      ) : (
        label
      )}
    </button>
  );
}
