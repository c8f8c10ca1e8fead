import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { listOutbox } from "@/server/notifications/queries";
import { parsePage } from "@/lib/pagination";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("outbox") };
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ to?: string; page?: string }> }) {
  const user = await requirePermission("outbox.read");
  const sp = await searchParams;
  const page = parsePage(sp.page);
  const [t, format, result] = await Promise.all([getTranslations(), getFormatter(), listOutbox(user, { to: sp.to, page })]);
  const first = (page - 1) * result.pageSize + 1;
  const tone = { QUEUED: "amber", SENT: "green", FAILED: "red", STORED: "blue" } as const;
  return (
    <div>
      <PageHeader title={t("nav.outbox")} description={t("outbox.description")} />
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="min-w-64 flex-1">
          <label htmlFor="to" className="mb-1 block text-xs font-medium text-slate-600">{t("outbox.to")}</label>
          <input id="to" name="to" defaultValue={sp.to ?? ""} className={inputClass()} />
        </div>
        <button type="submit" className={buttonClass("primary", "sm")}>{t("common.applyFilters")}</button>
        <Link href="/admin/outbox" className={buttonClass("ghost", "sm")}>{t("common.clearFilters")}</Link>
      </form>
      {result.items.length === 0 ? (
        <EmptyState title={t("outbox.empty")} />
      ) : (
        <>
          <ul className="space-y-3">
            {result.items.map((m) => (
              <li key={m.id} className="rounded-lg border border-slate-200 bg-white shadow-sm">
                <details>
                  <summary className="flex cursor-pointer flex-wrap items-center justify-between gap-2 px-4 py-3">
                    <span>
                      <span className="block text-sm font-medium text-slate-900">{m.subject}</span>
                      <span className="text-xs text-slate-500">{t("outbox.toLine", { to: m.to })} · {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}</span>
                    </span>
                    <Badge tone={tone[m.status]}>{t(`outbox.statuses.${m.status}`)}</Badge>
                  </summary>
                  <pre className="whitespace-pre-wrap break-words border-t border-slate-100 px-4 py-3 font-sans text-sm text-slate-700" data-testid="email-body">{m.body}</pre>
                  {m.error ? <p className="px-4 pb-3 text-xs text-red-700">{m.error}</p> : null}
                </details>
              </li>
            ))}
          </ul>
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            basePath="/admin/outbox"
            params={{ to: sp.to }}
            labels={{ previous: t("common.previous"), next: t("common.next"), nav: t("common.pagination"), summary: t("common.rangeSummary", { from: first, to: first + result.items.length - 1, total: result.total }) }}
          />
        </>
      )}
    </div>
  );
}
