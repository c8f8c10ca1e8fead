import Link from "next/link";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "./button";
import { cn } from "./cn";
import { inputClass } from "./field";
import { FilterPanel } from "./filter-panel.client";

/**
 * A GET form for list filters: the state lives in the URL, so filtered views can be shared.
 * `hidden`: parameters the form keeps as they are (a tab), also when the filters are cleared.
 */
export async function FilterBar({ basePath, children, className, hidden, open }: { basePath: string; children: ReactNode; className?: string; hidden?: Record<string, string>; open?: boolean }) {
  const t = await getTranslations("common");
  const clear = hidden ? `${basePath}?${new URLSearchParams(hidden).toString()}` : basePath;
  return (
    <FilterPanel label={t("filters")} activeLabel={t("filtersActive", { n: "{n}" })} ignore={[...Object.keys(hidden ?? {}), ...NOT_FILTERS]} open={open}>
    <form method="get" action={basePath} role="search" className={cn("grid gap-3 rounded-lg border border-slate-200 bg-white p-4", className ?? "sm:grid-cols-4")}>
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <div className="col-span-full flex items-end gap-2">
        <button type="submit" className={buttonClass("primary", "sm")}>{t("applyFilters")}</button>
        <Link href={clear} className={buttonClass("ghost", "sm")}>{t("clearFilters")}</Link>
      </div>
    </form>
    </FilterPanel>
  );
}

/** Search parameters that page or order a list rather than narrow it. */
const NOT_FILTERS = ["page", "sort", "dir"] as const;

type TFilterProps = { label: string; name: string; className?: string };

/**
 * `hint`: a short line under the field, read with it (aria-describedby). `error`: why the value
 * given was not applied; shown instead of the hint.
 */
export function FilterInput({ label, name, className, hint, error, ...input }: TFilterProps & InputHTMLAttributes<HTMLInputElement> & { hint?: string; error?: string | null }) {
  const describedBy = error ? `${name}-error` : hint ? `${name}-hint` : undefined;
  return (
    <div className={className}>
      <label htmlFor={name} className="mb-1 block text-xs font-medium text-slate-600">{label}</label>
      <input id={name} name={name} className={inputClass(!!error)} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error ? (
        <p id={`${name}-error`} className="mt-1 text-xs text-red-700" data-testid={`${name}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p id={`${name}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function FilterSelect({ label, name, className, children, ...select }: TFilterProps & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={name} className="mb-1 block text-xs font-medium text-slate-600">{label}</label>
      <select id={name} name={name} className={inputClass()} {...select}>
        {children}
      </select>
    </div>
  );
}

/** A select of fixed choices with "all" (no filter) first; `allLabel` null when a choice is required. */
export function FilterChoice({ label, name, value, allLabel, options, className }: TFilterProps & { value: string | undefined; allLabel: string | null; options: readonly { value: string; label: string }[] }) {
  return (
    <FilterSelect label={label} name={name} defaultValue={value ?? ""} className={className}>
      {allLabel !== null ? <option value="">{allLabel}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>{o.label}</option>
      ))}
    </FilterSelect>
  );
}
