import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { cn } from "./cn";

export const inputClass = (invalid?: boolean) =>
  cn(
    "block h-10 w-full rounded-md border bg-white px-3 text-sm text-slate-900 shadow-sm placeholder:text-slate-400",
    "focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200",
    invalid ? "border-red-600" : "border-slate-300",
  );

/**
 * `id` defaults to the field's name; give one when two forms on a page share field names (the
 * label, hint and error are tied to the id, which must be unique on the page).
 */
type TFieldProps = { label: string; name: string; id?: string; error?: string; hint?: ReactNode; required?: boolean; children?: ReactNode };

function FieldShell({ label, name, error, hint, required, children }: TFieldProps) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
        {required ? <span className="ml-0.5 text-red-700" aria-hidden>*</span> : null}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${name}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ label, name, id = name, error, hint, required, ...input }: Omit<TFieldProps, "children"> & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <FieldShell label={label} name={id} error={error} hint={hint} required={required}>
      <input id={id} name={name} required={required} aria-invalid={!!error || undefined} aria-describedby={describedBy} className={inputClass(!!error)} {...input} />
    </FieldShell>
  );
}

export function SelectField({ label, name, id = name, error, hint, required, children, ...select }: TFieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <FieldShell label={label} name={id} error={error} hint={hint} required={required}>
      <select id={id} name={name} required={required} aria-invalid={!!error || undefined} aria-describedby={describedBy} className={inputClass(!!error)} {...select}>
        {children}
      </select>
    </FieldShell>
  );
}
