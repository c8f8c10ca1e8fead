import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TCurrentUser } from "@/server/auth/session";
import type { listApplications } from "@/server/agencies/application-queries";
import { mayReview } from "@/domain/agencies/application-rules";
import { localName } from "@/i18n/local-name";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { ApplicationStatusBadge } from "./application-status-badge";
import { momentFormatter } from "@/domain/common/day-format";

/** A page of the application queue; "your turn" marks those waiting at the caller's review step. */
export async function ApplicationQueueTable({ user, result, params, filtered }: { user: TCurrentUser; result: Awaited<ReturnType<typeof listApplications>>; params: Record<string, string | undefined>; filtered: boolean }) {
  const [t, ta, tEnums, locale, format] = await Promise.all([getTranslations("common"), getTranslations("agencyApplications"), getTranslations("enums"), getLocale(), getFormatter()]);
  return (
    <>
      <DataTable
        caption={ta("queue.title")}
        hover
        empty={<EmptyState title={filtered ? ta("queue.emptyFiltered") : ta("queue.empty")}>{filtered ? t("tryOtherFilters") : ta("queue.emptyHint")}</EmptyState>}
        columns={[
          { label: ta("queue.columns.reference"), className: "whitespace-nowrap font-mono" },
          { label: ta("queue.columns.agency"), className: "min-w-56" },
          { label: ta("queue.columns.district"), className: "whitespace-nowrap" },
          { label: ta("queue.columns.submittedAt"), className: "whitespace-nowrap text-slate-600" },
          { label: ta("queue.columns.status"), className: "whitespace-nowrap" },
        ]}
        rows={result.items.map((a) => ({
          key: a.id,
          testId: "application-row",
          data: { "application-id": a.id },
          cells: [
            <Link key="ref" href={`/agencies/applications/${a.id}`} className="font-medium text-brand-700 hover:underline">{a.reference}</Link>,
            <>
              <span className="font-medium text-slate-900">{a.name}</span>
              <span className="block font-mono text-xs text-slate-500">{a.creditCode}</span>
            </>,
            localName(a.region, locale),
            momentFormatter(format)(a.submittedAt),
            <>
              <div className="flex flex-wrap items-center gap-1.5">
                <ApplicationStatusBadge status={a.status} />
                {mayReview(user, a) ? <Badge tone="amber">{ta("queue.yourTurn")}</Badge> : null}
              </div>
              {a.status === "RETURNED" && a.returnedFrom ? <span className="mt-1 block text-xs text-slate-500">{ta("queue.returnedFrom", { step: tEnums(`applicationStatus.${a.returnedFrom}`) })}</span> : null}
            </>,
          ],
        }))}
      />
      {result.items.length ? <ListPagination result={result} basePath="/agencies/applications" params={params} /> : null}
    </>
  );
}
