import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "./cn";

/** Views of one page as tabs: links (the state lives in the URL), the current one marked for screen readers. */
export function TabNav({ label, tabs, className }: { label: string; tabs: { key: string; href: string; label: ReactNode; current: boolean }[]; className?: string }) {
  return (
    <nav aria-label={label} className={cn("flex flex-wrap gap-1 border-b border-slate-200", className)}>
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className={cn("-mb-px rounded-t-md border px-4 py-2 text-sm font-medium", tab.current ? "border-slate-200 border-b-white bg-white text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900")}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
