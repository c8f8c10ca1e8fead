"use client";

import { useId, useState, type ReactNode } from "react";
import { useSearchParams } from "next/navigation";
import { cn } from "./cn";

/**
 * On a phone a list's filters fold behind one button that says how many are in use, so the list
 * starts on the first screen; from 640 px up they are always shown. `ignore`: parameters that are
 * not filters (paging, sorting, a tab). `open`: start unfolded (a value the page points out).
 */
export function FilterPanel({ label, activeLabel, ignore, open: startOpen, children }: { label: string; activeLabel: string; ignore: readonly string[]; open?: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(!!startOpen);
  const id = useId();
  const params = useSearchParams();
  const active = [...params.entries()].filter(([k, v]) => v.trim() !== "" && !ignore.includes(k)).length;
  return (
    <div className="mb-4">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="mb-2 flex w-full items-center justify-between rounded-lg border border-slate-200 bg-white px-4 py-2.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 sm:hidden"
        data-testid="filter-toggle"
      >
        <span>{active > 0 ? activeLabel.replace("{n}", String(active)) : label}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className={cn("size-4 text-slate-500 transition-transform", open && "rotate-180")}>
          <path fill="currentColor" d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </button>
      <div id={id} className={cn(open ? "block" : "hidden", "sm:block")}>
        {children}
      </div>
    </div>
  );
}
