import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TServicesDashboard } from "@/server/services-dashboard/dashboard";
import { SectionCard } from "@/components/ui/section-card";
import { DataTable } from "@/components/ui/data-table";
import { formatFen } from "@/lib/money";
import { sharePercent } from "@/domain/services-dashboard/share";

/** The share of contract value going to non-governmental (民办) agencies (plan.md S2), as a bar and its figures. */
export async function ShareCard({ d }: { d: TServicesDashboard }) {
  const [t, format, locale] = await Promise.all([getTranslations("servicesDashboard"), getFormatter(), getLocale()]);
  const fen = (v: bigint) => formatFen(v, locale);
  const rows = [
    { key: "true", label: t("share.private") },
    { key: "false", label: t("share.public") },
  ].map((r) => ({ ...r, row: d.money.private.find((p) => p.key === r.key) ?? { key: r.key, contracts: 0, promisedFen: 0n, paidFen: 0n } }));
  const share = sharePercent(d.nonGovernmental.promisedFen, d.nonGovernmental.totalFen);
  const pct = (v: number | null) => (v === null ? "—" : format.number(v / 100, { style: "percent", maximumFractionDigits: 1 }));
  return (
    <SectionCard id="share" title={t("share.title")}>
      <div data-testid="share" data-percent={share ?? ""}>
        <div className="mb-4 flex items-center gap-3">
          <div className="h-3 flex-1 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
            <div className="h-3 bg-brand-700" style={{ width: `${share ?? 0}%` }} />
          </div>
          <span className="text-sm font-medium tabular-nums text-slate-900">{t("share.percent", { percent: pct(share) })}</span>
        </div>
        <DataTable
          caption={t("share.title")}
          rowHeaders
          columns={[{ label: t("name") }, { label: t("contracts"), numeric: true }, { label: t("promised"), numeric: true }, { label: t("paid"), numeric: true }]}
          rows={rows.map((r) => ({ key: r.key, cells: [r.label, r.row.contracts, fen(r.row.promisedFen), fen(r.row.paidFen)] }))}
        />
      </div>
    </SectionCard>
  );
}
