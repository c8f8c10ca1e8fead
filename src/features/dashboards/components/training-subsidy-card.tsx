import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TTrainingDashboard } from "@/server/dashboards/training";
import { formatFen } from "@/lib/money";
import { DataTable } from "@/components/ui/data-table";
import { ExportLink } from "@/components/ui/export-link";
import { SectionCard } from "@/components/ui/section-card";

/**
 * The training subsidy against the training-subsidy lines of the period's funds: each line's
 * amount, what is promised, paid and still available, with a bar of the share used; for a district
 * or a department also its own participants' part.
 */
export async function TrainingSubsidyCard({ d, scopeName, exportParams }: { d: TTrainingDashboard; scopeName: string; exportParams: Record<string, string | undefined> }) {
  const [t, format, locale] = await Promise.all([getTranslations("trainingDashboard"), getFormatter(), getLocale()]);
  const fen = (v: bigint) => formatFen(v, locale);
  const years = d.years.from === d.years.to ? String(d.years.from) : `${d.years.from}–${d.years.to}`;
  const s = d.subsidy;
  const title = t("subsidy.title");
  const used = (l: { usedPercent: number }) => (
    <div className="flex min-w-28 items-center gap-2">
      <div className="h-2 flex-1 rounded-full bg-slate-100" aria-hidden="true">
        <div className="h-2 rounded-full bg-brand-700" style={{ width: `${Math.min(100, l.usedPercent)}%` }} />
      </div>
      <span className="tabular-nums">{format.number(l.usedPercent / 100, { style: "percent", maximumFractionDigits: 0 })}</span>
    </div>
  );
  return (
    <SectionCard
      id="subsidy"
      title={title}
      actions={<ExportLink href="/api/dashboard/training/export" params={{ ...exportParams, table: "subsidy" }} label={t("export.label", { table: title })} size="sm" />}
    >
      <p className="mb-4 text-sm text-slate-600">{t("subsidy.description", { years })}</p>
      <DataTable
        caption={title}
        testId="subsidy-lines"
        empty={<p className="text-sm text-slate-600">{t("subsidy.none", { years })}</p>}
        columns={[
          { label: t("subsidy.line") },
          { label: t("subsidy.amount"), numeric: true },
          { label: t("subsidy.outstanding"), numeric: true },
          { label: t("subsidy.spent"), numeric: true },
          { label: t("subsidy.available"), numeric: true },
          { label: t("subsidy.used") },
        ]}
        rows={s.lines.map((l) => ({
          key: l.id,
          testId: "subsidy-line",
          cells: [
            <span key="n"><span className="font-medium text-slate-900">{l.name}</span><span className="block text-xs text-slate-500">{l.fund.year} · {l.fund.name}</span></span>,
            fen(l.amountFen),
            fen(l.outstandingFen),
            fen(l.spentFen),
            fen(l.availableFen),
            used(l),
          ],
        }))}
        total={
          s.lines.length > 1
            ? [t("subsidy.total"), fen(s.amountFen), fen(s.lineOutstandingFen), fen(s.lineSpentFen), fen(s.availableFen), ""]
            : undefined
        }
      />
      {d.scope !== "city" && s.lines.length ? (
        <dl className="mt-4 grid gap-x-6 gap-y-1 rounded-md bg-slate-50 px-4 py-3 text-sm sm:grid-cols-[auto_1fr]" data-testid="subsidy-scope">
          <dt className="font-medium text-slate-700 sm:col-span-2">{t("subsidy.scopeRow", { scope: scopeName })}</dt>
          <dt className="text-slate-600">{t("subsidy.outstanding")}</dt>
          <dd className="tabular-nums text-slate-900" data-testid="subsidy-scope-outstanding">{fen(s.outstandingFen)}</dd>
          <dt className="text-slate-600">{t("subsidy.spent")}</dt>
          <dd className="tabular-nums text-slate-900" data-testid="subsidy-scope-spent">{fen(s.spentFen)}</dd>
        </dl>
      ) : null}
    </SectionCard>
  );
}
