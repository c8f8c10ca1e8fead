import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { SectionCard } from "@/components/ui/section-card";
import { DataTable } from "@/components/ui/data-table";
import { dayFormatter } from "@/domain/common/day-format";

/** A contract whose named staff no longer meet its staffing requirement (the contracts feature's contractShortfalls). */
export type TShortfallRow = { contractId: string; reference: string; agencyName: string; since: Date; people: { name: string; reason: string }[] };

/** Contracts with staffing shortfalls: since when and who (with the reason each person no longer counts, already in words). */
export async function ShortfallsCard({ rows }: { rows: TShortfallRow[] }) {
  const [t, format] = await Promise.all([getTranslations("servicesDashboard"), getFormatter()]);
  const day = dayFormatter(format);
  return (
    <SectionCard id="shortfalls" title={t("shortfalls.title")}>
      <div data-testid="shortfalls" data-count={rows.length}>
        <p className="mb-3 text-sm text-slate-600">{t("shortfalls.description")}</p>
        <DataTable
          caption={t("shortfalls.title")}
          rowHeaders
          empty={<p className="text-sm text-slate-600">{t("shortfalls.none")}</p>}
          columns={[{ label: t("shortfalls.contract") }, { label: t("shortfalls.agency") }, { label: t("shortfalls.since") }, { label: t("shortfalls.people") }]}
          rows={[...rows]
            .sort((a, b) => a.since.getTime() - b.since.getTime())
            .map((r) => ({
              key: r.contractId,
              testId: "shortfall",
              cells: [
                <Link key="c" href={`/contracts/${r.contractId}`} className="text-brand-700 hover:underline">{r.reference}</Link>,
                r.agencyName,
                day(r.since),
                <ul key="p" className="space-y-0.5">
                  {r.people.map((p, i) => (
                    <li key={i}>
                      <span className="font-medium text-slate-900">{p.name}</span> <span className="text-slate-600">· {p.reason}</span>
                    </li>
                  ))}
                </ul>,
              ],
            }))}
        />
      </div>
    </SectionCard>
  );
}
