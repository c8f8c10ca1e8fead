import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { auditFacets, listAuditEvents } from "@/server/audit/queries";
import { parsePage } from "@/lib/pagination";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("audit") };
}

type TSearch = { actor?: string; entity?: string; action?: string; outcome?: string; from?: string; to?: string; page?: string };

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-400">—</span>;
  const text = JSON.stringify(value);
  return <code className="block max-w-xs break-all text-xs text-slate-600">{text.length > 300 ? `${text.slice(0, 300)}…` : text}</code>;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const user = await requirePermission("audit.read");
  const sp = await searchParams;
  const page = parsePage(sp.page);
  const [t, format, result, facets] = await Promise.all([getTranslations(), getFormatter(), listAuditEvents(user, { ...sp, page }), auditFacets(user)]);
  const first = (page - 1) * result.pageSize + 1;
  const tone = { SUCCESS: "green", FAILURE: "amber", DENIED: "red" } as const;
  return (
    <div>
      <PageHeader title={t("nav.audit")} description={t("audit.description")} />
      <form method="get" role="search" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
        <div className="lg:col-span-2">
          <label htmlFor="actor" className="mb-1 block text-xs font-medium text-slate-600">{t("audit.actor")}</label>
          <input id="actor" name="actor" defaultValue={sp.actor ?? ""} placeholder={t("audit.actorPlaceholder")} className={inputClass()} />
        </div>
        <div>
          <label htmlFor="entity" className="mb-1 block text-xs font-medium text-slate-600">{t("audit.entity")}</label>
          <select id="entity" name="entity" defaultValue={sp.entity ?? ""} className={inputClass()}>
            <option value="">{t("common.all")}</option>
            {facets.entities.map((e) => (
              <option key={e} value={e}>{e}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="action" className="mb-1 block text-xs font-medium text-slate-600">{t("audit.action")}</label>
          <select id="action" name="action" defaultValue={sp.action ?? ""} className={inputClass()}>
            <option value="">{t("common.all")}</option>
            {facets.actions.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="outcome" className="mb-1 block text-xs font-medium text-slate-600">{t("audit.outcome")}</label>
          <select id="outcome" name="outcome" defaultValue={sp.outcome ?? ""} className={inputClass()}>
            <option value="">{t("common.all")}</option>
            {(["SUCCESS", "FAILURE", "DENIED"] as const).map((o) => (
              <option key={o} value={o}>{t(`audit.outcomes.${o}`)}</option>
            ))}
          </select>
        </div>
        <div className="grid grid-cols-2 gap-2 sm:col-span-3 lg:col-span-6 lg:max-w-md">
          <div>
            <label htmlFor="from" className="mb-1 block text-xs font-medium text-slate-600">{t("audit.from")}</label>
            <input id="from" name="from" type="date" defaultValue={sp.from ?? ""} className={inputClass()} />
          </div>
          <div>
            <label htmlFor="to" className="mb-1 block text-xs font-medium text-slate-600">{t("audit.to")}</label>
            <input id="to" name="to" type="date" defaultValue={sp.to ?? ""} className={inputClass()} />
          </div>
        </div>
        <div className="flex items-end gap-2 sm:col-span-3 lg:col-span-6">
          <button type="submit" className={buttonClass("primary", "sm")}>{t("common.applyFilters")}</button>
          <Link href="/admin/audit" className={buttonClass("ghost", "sm")}>{t("common.clearFilters")}</Link>
        </div>
      </form>
      {result.items.length === 0 ? (
        <EmptyState title={t("audit.empty")}>{t("common.tryOtherFilters")}</EmptyState>
      ) : (
        <>
          <Table caption={t("nav.audit")}>
            <thead>
              <tr>
                <Th>{t("audit.time")}</Th>
                <Th>{t("audit.actor")}</Th>
                <Th>{t("audit.action")}</Th>
                <Th>{t("audit.entity")}</Th>
                <Th>{t("audit.before")}</Th>
                <Th>{t("audit.after")}</Th>
                <Th>{t("audit.source")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.items.map((e) => (
                <tr key={e.id} className="hover:bg-slate-50">
                  <Td className="whitespace-nowrap text-slate-600">{format.dateTime(e.at, { dateStyle: "short", timeStyle: "medium" })}</Td>
                  <Td>
                    <span className="block">{e.actorEmail ?? "—"}</span>
                    {e.actorRole ? <span className="text-xs text-slate-500">{t(`roles.${e.actorRole}`)}</span> : null}
                  </Td>
                  <Td>
                    <span className="block font-mono text-xs">{e.action}</span>
                    <Badge tone={tone[e.outcome]}>{t(`audit.outcomes.${e.outcome}`)}</Badge>
                  </Td>
                  <Td>
                    <span className="block">{e.entity}</span>
                    <span className="font-mono text-xs text-slate-500">{e.entityId ?? ""}</span>
                  </Td>
                  <Td><Json value={e.before} /></Td>
                  <Td><Json value={e.after} /></Td>
                  <Td className="text-xs text-slate-500">
                    <span className="block">{e.ip ?? "—"}</span>
                    <span className="block max-w-[12rem] truncate" title={e.userAgent ?? ""}>{e.userAgent ?? ""}</span>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            basePath="/admin/audit"
            params={{ actor: sp.actor, entity: sp.entity, action: sp.action, outcome: sp.outcome, from: sp.from, to: sp.to }}
            labels={{ previous: t("common.previous"), next: t("common.next"), nav: t("common.pagination"), summary: t("common.rangeSummary", { from: first, to: first + result.items.length - 1, total: result.total }) }}
          />
        </>
      )}
    </div>
  );
}
