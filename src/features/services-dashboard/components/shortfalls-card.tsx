import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { SectionCard } from "@/components/ui/section-card";
import { DataTable } from "@/components/ui/data-table";
import { dayFormatter } from "@/domain/common/day-format";

/** A contract whose named staff no longer meet its staffing requirement (the contracts feature's contractShortfalls). */
export type TShortfallRow = { contractId: string; reference: string; agencyName: string; since: Date; people: { name: string; reason: string }[] };

/** How many a card lists: the oldest shortfalls; the rest are one click away in the contracts list. */
export const SHORTFALLS_SHOWN = 10;

/** Contracts with staffing shortfalls: since when and who (with the reason each person no longer counts, already in words); the oldest ten, and the count of all. */
export async function ShortfallsCard({ rows }: { rows: TShortfallRow[] }) {
  const [t, format] = await Promise.all([getTranslations("servicesDashboard"), getFormatter()]);
  const day = dayFormatter(format);
  const oldest = [...rows].sort((a, b) => a.since.getTime() - b.since.getTime()).slice(0, SHORTFALLS_SHOWN);
  return (
    <SectionCard id="shortfalls" title={t("shortfalls.title")}>
      <div data-testid="shortfalls" data-count={rows.length}>
        <p className="mb-3 text-sm text-slate-600">{t("shortfalls.description")}</p>
        <DataTable
          caption={t("shortfalls.title")}
          rowHeaders
          empty={<p className="text-sm text-slate-600">{t("shortfalls.none")}</p>}
          columns={[{ label: t("shortfalls.contract") }, { label: t("shortfalls.agency") }, { label: t("shortfalls.since") }, { label: t("shortfalls.people") }]}
          rows={oldest.map((r) => ({
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
        {rows.length > 0 ? (
          <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
            {rows.length > oldest.length ? <span data-testid="shortfalls-more">{t("shortfalls.more", { shown: oldest.length, total: rows.length })}</span> : null}
            <Link href="/contracts?shortfall=1" className="font-medium text-brand-700 hover:underline">{t("shortfalls.all")}</Link>
          </p>
        ) : null}
      </div>
    </SectionCard>
  );
}
