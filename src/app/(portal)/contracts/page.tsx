import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { contractFilterOptions, listContracts } from "@/server/contracts/queries";
import { contractFilterParams, parseContractFilter } from "@/domain/contracts/list-filter";
import { ContractFilterBar } from "@/features/contracts/components/contract-filter-bar";
import { ContractListTable } from "@/features/contracts/components/contract-list-table";
import { PageHeader } from "@/components/ui/card";
import { ExportLink } from "@/components/ui/export-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contracts");
  return { title: t("title") };
}

export default async function ContractsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("contracts.read");
  const filter = parseContractFilter(await searchParams);
  const [t, options, result] = await Promise.all([getTranslations("contracts"), contractFilterOptions(user), listContracts(user, filter)]);
  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} actions={<ExportLink href="/api/contracts/export" params={contractFilterParams(filter)} />} />
      <ContractFilterBar filter={filter} options={options} />
      <ContractListTable result={result} params={contractFilterParams(filter)} />
    </div>
  );
}
