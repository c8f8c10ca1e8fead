import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { auditFacets, listAuditEvents } from "@/server/audit/queries";
import { parsePage } from "@/lib/pagination";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ListPagination } from "@/components/ui/list-pagination";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";

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
  const tone = { SUCCESS: "green", FAILURE: "amber", DENIED: "red" } as const;
  return (
    <div>
      <PageHeader title={t("nav.audit")} description={t("audit.description")} />
      <FilterBar basePath="/admin/audit" className="sm:grid-cols-3 lg:grid-cols-6">
        <FilterInput className="lg:col-span-2" label={t("audit.actor")} name="actor" defaultValue={sp.actor ?? ""} placeholder={t("audit.actorPlaceholder")} />
        <FilterSelect label={t("audit.entity")} name="entity" defaultValue={sp.entity ?? ""}>
          <option value="">{t("common.all")}</option>
          {facets.entities.map((e) => (
            <option key={e} value={e}>{e}</option>
          ))}
        </FilterSelect>
        <FilterSelect label={t("audit.action")} name="action" defaultValue={sp.action ?? ""}>
          <option value="">{t("common.all")}</option>
          {facets.actions.map((a) => (
            <option key={a} value={a}>{a}</option>
          ))}
        </FilterSelect>
        <FilterSelect label={t("audit.outcome")} name="outcome" defaultValue={sp.outcome ?? ""}>
          <option value="">{t("common.all")}</option>
          {(["SUCCESS", "FAILURE", "DENIED"] as const).map((o) => (
            <option key={o} value={o}>{t(`audit.outcomes.${o}`)}</option>
          ))}
        </FilterSelect>
        <div className="grid grid-cols-2 gap-2 sm:col-span-3 lg:col-span-6 lg:max-w-md">
          <FilterInput label={t("audit.from")} name="from" type="date" defaultValue={sp.from ?? ""} />
          <FilterInput label={t("audit.to")} name="to" type="date" defaultValue={sp.to ?? ""} />
        </div>
      </FilterBar>
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
          <ListPagination result={result} basePath="/admin/audit" params={{ actor: sp.actor, entity: sp.entity, action: sp.action, outcome: sp.outcome, from: sp.from, to: sp.to }} />
        </>
      )}
    </div>
  );
}
