import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { applicationCounts, applicationDistricts, listApplications } from "@/server/agencies/application-queries";
import { mayReview } from "@/domain/agencies/application-rules";
import { APPLICATION_STATUSES } from "@/domain/agencies/enums";
import { ApplicationStatusBadge } from "@/features/agencies/components/application-status-badge";
import { parsePage } from "@/lib/pagination";
import { localName } from "@/i18n/local-name";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ListPagination } from "@/components/ui/list-pagination";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { cn } from "@/components/ui/cn";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencyApplications");
  return { title: t("queue.title") };
}

type TSearch = { q?: string; status?: string; district?: string; page?: string };

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const user = await requirePermission("agencyApplications.read");
  const sp = await searchParams;
  const page = parsePage(sp.page);
  const [t, ta, tEnums, locale, format, result, districts, counts] = await Promise.all([
    getTranslations(),
    getTranslations("agencyApplications"),
    getTranslations("enums"),
    getLocale(),
    getFormatter(),
    listApplications(user, { q: sp.q, status: sp.status, district: sp.district, page }),
    applicationDistricts(user),
    applicationCounts(user),
  ]);
  const params = { q: sp.q || undefined, status: result.status, district: sp.district || undefined };
  const chipHref = (status?: string) => {
    const qs = new URLSearchParams(Object.entries({ ...params, status }).filter((e): e is [string, string] => !!e[1])).toString();
    return `/agencies/applications${qs ? `?${qs}` : ""}`;
  };
  const filtered = !!(sp.q || result.status || sp.district);
  return (
    <div>
      <PageHeader title={ta("queue.title")} description={ta("queue.description")} />
      <nav aria-label={ta("queue.byStatus")} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {APPLICATION_STATUSES.map((s) => {
            const active = result.status === s;
            return (
              <li key={s}>
                <Link
                  href={chipHref(active ? undefined : s)}
                  aria-current={active ? "true" : undefined}
                  className={cn(
                    "inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm",
                    active ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
                  )}
                >
                  {tEnums(`applicationStatus.${s}`)}
                  <span className={cn("rounded-full px-1.5 text-xs font-semibold", active ? "bg-white/20" : "bg-slate-100 text-slate-700")} data-testid={`count-${s}`}>{counts[s]}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <FilterBar basePath="/agencies/applications" className="sm:grid-cols-3">
        <FilterInput label={t("common.search")} name="q" defaultValue={sp.q ?? ""} placeholder={ta("queue.searchPlaceholder")} />
        <FilterSelect label={ta("queue.status")} name="status" defaultValue={result.status ?? ""}>
          <option value="">{t("common.all")}</option>
          {APPLICATION_STATUSES.map((s) => (
            <option key={s} value={s}>{tEnums(`applicationStatus.${s}`)}</option>
          ))}
        </FilterSelect>
        {districts.length > 1 ? (
          <FilterSelect label={ta("queue.district")} name="district" defaultValue={sp.district ?? ""}>
            <option value="">{t("common.all")}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>{localName(d, locale)}</option>
            ))}
          </FilterSelect>
        ) : null}
      </FilterBar>
      {result.items.length === 0 ? (
        <EmptyState title={filtered ? ta("queue.emptyFiltered") : ta("queue.empty")}>{filtered ? t("common.tryOtherFilters") : ta("queue.emptyHint")}</EmptyState>
      ) : (
        <>
          <Table caption={ta("queue.title")}>
            <thead>
              <tr>
                <Th>{ta("queue.columns.reference")}</Th>
                <Th>{ta("queue.columns.agency")}</Th>
                <Th>{ta("queue.columns.district")}</Th>
                <Th>{ta("queue.columns.submittedAt")}</Th>
                <Th>{ta("queue.columns.status")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.items.map((a) => (
                <tr key={a.id} className="hover:bg-slate-50" data-testid="application-row" data-application-id={a.id}>
                  <Td className="whitespace-nowrap font-mono">
                    <Link href={`/agencies/applications/${a.id}`} className="font-medium text-brand-700 hover:underline">{a.reference}</Link>
                  </Td>
                  <Td className="min-w-56">
                    <span className="font-medium text-slate-900">{a.name}</span>
                    <span className="block font-mono text-xs text-slate-500">{a.creditCode}</span>
                  </Td>
                  <Td className="whitespace-nowrap">{localName(a.region, locale)}</Td>
                  <Td className="whitespace-nowrap text-slate-600">{format.dateTime(a.submittedAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                  <Td className="whitespace-nowrap">
                    <div className="flex flex-wrap items-center gap-1.5">
                      <ApplicationStatusBadge status={a.status} />
                      {mayReview(user, a) ? <Badge tone="amber">{ta("queue.yourTurn")}</Badge> : null}
                    </div>
                    {a.status === "RETURNED" && a.returnedFrom ? (
                      <span className="mt-1 block text-xs text-slate-500">{ta("queue.returnedFrom", { step: tEnums(`applicationStatus.${a.returnedFrom}`) })}</span>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <ListPagination result={result} basePath="/agencies/applications" params={params} />
        </>
      )}
    </div>
  );
}
