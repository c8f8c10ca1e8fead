import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { listOutbox } from "@/server/notifications/queries";
import { parsePage } from "@/lib/pagination";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { ListPagination } from "@/components/ui/list-pagination";
import { FilterBar, FilterInput } from "@/components/ui/filter-bar";
import { momentFormatter } from "@/domain/common/day-format";
import { STATUS_TONE } from "@/components/ui/status-tone";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("outbox") };
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ to?: string; page?: string }> }) {
  const user = await requirePermission("outbox.read");
  const sp = await searchParams;
  const page = parsePage(sp.page);
  const [t, format, result] = await Promise.all([getTranslations(), getFormatter(), listOutbox(user, { to: sp.to, page })]);
  return (
    <div>
      <PageHeader title={t("nav.outbox")} description={t("outbox.description")} />
      <FilterBar basePath="/admin/outbox" className="sm:grid-cols-2">
        <FilterInput label={t("outbox.to")} name="to" defaultValue={sp.to ?? ""} />
      </FilterBar>
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
                      <span className="text-xs text-slate-500">{t("outbox.toLine", { to: m.to })} · {momentFormatter(format)(m.createdAt)}</span>
                    </span>
                    <Badge tone={STATUS_TONE.email[m.status]}>{t(`outbox.statuses.${m.status}`)}</Badge>
                  </summary>
                  <pre className="whitespace-pre-wrap break-words border-t border-slate-100 px-4 py-3 font-sans text-sm text-slate-700" data-testid="email-body">{m.body}</pre>
                  {m.error ? <p className="px-4 pb-3 text-xs text-red-700">{m.error}</p> : null}
                </details>
              </li>
            ))}
          </ul>
          <ListPagination result={result} basePath="/admin/outbox" params={{ to: sp.to }} />
        </>
      )}
    </div>
  );
}
