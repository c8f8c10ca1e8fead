"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { activeHref } from "@/lib/nav-match";

/** The public pages' tabs; the most specific one is marked (/public/verify/bulk is not also /public/verify). */
export function PublicNav({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  const current = activeHref(usePathname(), items.map((i) => i.href));
  return (
    <nav aria-label={label} className="print:hidden">
      {/* Wraps on a phone rather than scrolling sideways, so no tab, the current one included, is out of sight. */}
      <ul className="flex flex-wrap gap-x-1 border-b border-slate-200">
        {items.map((item) => {
          const active = current === item.href;
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "-mb-px block border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap",
                  active ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
