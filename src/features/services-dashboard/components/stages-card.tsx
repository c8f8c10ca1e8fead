import { getLocale, getTranslations } from "next-intl/server";
import type { TServicesDashboard } from "@/server/services-dashboard/dashboard";
import { SectionCard } from "@/components/ui/section-card";
import { DataTable } from "@/components/ui/data-table";
import { formatFen } from "@/lib/money";

const CALL_ORDER = ["DRAFT", "OPEN", "CLOSED", "SELECTED", "CANCELLED"] as const;
const CONTRACT_ORDER = ["ACTIVE", "CLOSED", "TERMINATED"] as const;

/** Projects by stage: calls by status (with their budgets) and contracts by status (with their value). */
export async function StagesCard({ d }: { d: TServicesDashboard }) {
  const [t, locale] = await Promise.all([getTranslations("servicesDashboard"), getLocale()]);
  const fen = (v: bigint) => formatFen(v, locale);
  const calls = CALL_ORDER.map((s) => d.calls.find((c) => c.status === s) ?? { status: s, calls: 0, budgetFen: 0n });
  const contracts = CONTRACT_ORDER.map((s) => d.money.status.find((c) => c.key === s) ?? { key: s, contracts: 0, promisedFen: 0n, paidFen: 0n });
  return (
    <SectionCard id="stages" title={t("stages.title")}>
      <div className="grid gap-6 lg:grid-cols-2">
        <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("stages.calls")}</h3>
        <DataTable
          caption={t("stages.calls")}
          testId="stages-calls"
          rowHeaders
          columns={[{ label: t("stages.status") }, { label: t("stages.count"), numeric: true }, { label: t("stages.budget"), numeric: true }]}
          rows={calls.map((c) => ({ key: c.status, testId: "stage-call", data: { status: c.status }, cells: [t(`callStatus.${c.status as "OPEN"}`), c.calls, fen(c.budgetFen)] }))}
        />
        </div>
        <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("stages.contracts")}</h3>
        <DataTable
          caption={t("stages.contracts")}
          testId="stages-contracts"
          rowHeaders
          columns={[{ label: t("stages.status") }, { label: t("stages.count"), numeric: true }, { label: t("stages.value"), numeric: true }, { label: t("paid"), numeric: true }]}
          rows={contracts.map((c) => ({ key: String(c.key), testId: "stage-contract", data: { status: String(c.key) }, cells: [t(`contractStatus.${c.key as "ACTIVE"}`), c.contracts, fen(c.promisedFen), fen(c.paidFen)] }))}
        />
        </div>
      </div>
    </SectionCard>
  );
}
