import type { ReactNode } from "react";
import { cn } from "./cn";

/** A grid of labelled facts (a profile's particulars). */
export function DescriptionList({ children, className = "gap-4 sm:grid-cols-2 lg:grid-cols-3", testId }: { children: ReactNode; className?: string; testId?: string }) {
  return (
    <dl className={cn("grid", className)} data-testid={testId}>
      {children}
    </dl>
  );
}

/**
 * One labelled fact; `wide` spans the whole row (lists of fields, descriptions). `plain` is the
 * quieter style of public pages and cards, where the list sets the text size.
 */
export function DescriptionItem({ label, children, wide, plain, testId }: { label: string; children: ReactNode; wide?: boolean; plain?: boolean; testId?: string }) {
  return (
    <div className={wide ? "col-span-full" : undefined}>
      <dt className={plain ? "text-slate-500" : "text-xs font-medium text-slate-500"}>{label}</dt>
      <dd className={plain ? "text-slate-900" : "mt-0.5 text-sm text-slate-900"} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
