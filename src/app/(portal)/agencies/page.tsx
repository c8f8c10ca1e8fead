import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { ownPageFor } from "@/features/shell/navigation";
import { agencyDistrictOptions, listAgencies } from "@/server/agencies/queries";
import { agencyListParams, parseAgencyListFilter } from "@/domain/agencies/list-filter";
import { AgencyFilterBar } from "@/features/agencies/components/agency-filter-bar";
import { AgencyListTable } from "@/features/agencies/components/agency-list-table";
import { PageHeader } from "@/components/ui/card";
import { ExportLink } from "@/components/ui/export-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies");
  return { title: t("title") };
}

export default async function AgenciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("agencies.read");
  // An agency's administrator reads their own profile; the list is for officials.
  const own = ownPageFor(user, "/agencies");
  if (own) redirect(own);
  const filter = parseAgencyListFilter(await searchParams);
  const [t, result, districts] = await Promise.all([getTranslations("agencies"), listAgencies(user, filter), agencyDistrictOptions(user)]);
  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} actions={<ExportLink href="/api/agencies/export" params={agencyListParams(filter)} />} />
      <AgencyFilterBar filter={filter} districts={districts} />
      <AgencyListTable result={result} params={agencyListParams(filter)} />
    </div>
  );
}
