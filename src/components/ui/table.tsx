import type { ReactNode, ThHTMLAttributes, TdHTMLAttributes } from "react";
import { cn } from "./cn";

/**
 * The wrapper scrolls sideways when a wide table does not fit, so it is focusable, for keyboard
 * users to reach and scroll (axe: scrollable-region-focusable), and named by the caption. A group,
 * not a region: a region is a landmark, and a table's caption is often its section's title, which
 * made two landmarks of one name (the agency profile, the import pages).
 * `cards`: below `sm` (640 px) the same table is drawn as a list of cards, one per row, each
 * cell with its column's name (see DataTable); explicit roles keep it a table for screen readers
 * whatever its CSS display is (Safari drops the semantics of a table that is not displayed as one).
 */
export function Table({ caption, children, cards = false }: { caption: string; children: ReactNode; cards?: boolean }) {
  return (
    <div
      role="group"
      aria-label={caption}
      tabIndex={0}
      className={cn(
        "overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-brand-600",
        cards && "max-sm:overflow-visible max-sm:rounded-none max-sm:border-0 max-sm:bg-transparent max-sm:shadow-none",
      )}
    >
      <table role={cards ? "table" : undefined} className={cn("min-w-full divide-y divide-slate-200 text-sm", cards && "dt-cards max-sm:block max-sm:divide-y-0")}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" {...props} className={cn("bg-slate-50 px-3 py-2.5 text-left align-bottom text-xs font-semibold uppercase tracking-wide text-slate-600", className)} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td {...props} className={cn("px-3 py-2.5 align-top text-slate-800", className)} />;
}
