import Link from "next/link";
import { cn } from "./cn";

type TLabels = { previous: string; next: string; summary: string; nav: string };

/** Server-rendered pager: page state lives in the URL, other search params are kept. */
export function Pagination({ page, pageCount, params, basePath, labels }: { page: number; pageCount: number; params: Record<string, string | undefined>; basePath: string; labels: TLabels }) {
  const href = (p: number) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v && k !== "page") sp.set(k, v);
    if (p > 1) sp.set("page", String(p));
    const qs = sp.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const link = (p: number, label: string, disabled: boolean) =>
    disabled ? (
      <span className="rounded-md border border-slate-200 px-3 py-1.5 text-slate-400" aria-disabled>
        {label}
      </span>
    ) : (
      <Link href={href(p)} className={cn("rounded-md border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50")}>
        {label}
      </Link>
    );
  return (
    <nav aria-label={labels.nav} className="mt-4 flex items-center justify-between text-sm">
      <p className="text-slate-600">{labels.summary}</p>
      <div className="flex gap-2">
        {link(page - 1, labels.previous, page <= 1)}
        {link(page + 1, labels.next, page >= pageCount)}
      </div>
    </nav>
  );
}
