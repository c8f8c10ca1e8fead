import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { auditFacets, listAuditEvents } from "@/server/audit/queries";
import { parsePage } from "@/lib/pagination";
import { AuditTable } from "@/features/audit/components/audit-table";
import { auditLabels } from "@/features/audit/labels";
import { PageHeader } from "@/components/ui/card";
import { FilterBar, FilterChoice, FilterInput } from "@/components/ui/filter-bar";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("audit") };
}

type TSearch = { actor?: string; entity?: string; action?: string; outcome?: string; from?: string; to?: string; page?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const user = await requirePermission("audit.read");
  const sp = await searchParams;
  const page = parsePage(sp.page);
  const [t, result, facets, label] = await Promise.all([getTranslations(), listAuditEvents(user, { ...sp, page }), auditFacets(user), auditLabels()]);
  return (
    <div>
      <PageHeader title={t("nav.audit")} description={t("audit.description")} />
      <FilterBar basePath="/admin/audit" className="sm:grid-cols-3 lg:grid-cols-6">
        <FilterInput className="lg:col-span-2" label={t("audit.actor")} name="actor" defaultValue={sp.actor ?? ""} placeholder={t("audit.actorPlaceholder")} />
        <FilterChoice label={t("audit.entity")} name="entity" value={sp.entity} allLabel={t("common.all")} options={facets.entities.map((e) => ({ value: e, label: label.entity(e) }))} />
        <FilterChoice label={t("audit.action")} name="action" value={sp.action} allLabel={t("common.all")} options={facets.actions.map((a) => ({ value: a, label: label.action(a) }))} />
        <FilterChoice label={t("audit.outcome")} name="outcome" value={sp.outcome} allLabel={t("common.all")} options={(["SUCCESS", "FAILURE", "DENIED"] as const).map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))} />
        <div className="grid grid-cols-2 gap-2 sm:col-span-3 lg:col-span-6 lg:max-w-md">
          <FilterInput label={t("audit.from")} name="from" type="date" defaultValue={sp.from ?? ""} />
          <FilterInput label={t("audit.to")} name="to" type="date" defaultValue={sp.to ?? ""} />
        </div>
      </FilterBar>
      <AuditTable result={result} params={{ actor: sp.actor, entity: sp.entity, action: sp.action, outcome: sp.outcome, from: sp.from, to: sp.to }} />
    </div>
  );
}
