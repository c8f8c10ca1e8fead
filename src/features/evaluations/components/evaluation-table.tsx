import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { listEvaluations } from "@/server/evaluations/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { DataTable } from "@/components/ui/data-table";
import { Badge, EmptyState } from "@/components/ui/card";
import { EvaluationStatusBadge } from "./status-badge";
import { targetLabel } from "./target";

type TRows = Awaited<ReturnType<typeof listEvaluations>>["items"];

/** Evaluations: reference and kind, what is evaluated, the body, the due day, scoring progress, status. */
export async function EvaluationTable({ rows, caption, waiting }: { rows: TRows; caption: string; waiting: boolean }) {
  const [t, te, locale, format] = await Promise.all([getTranslations("evaluations"), getTranslations("enums"), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  return (
    <DataTable
      caption={caption}
      rowHeaders
      hover
      empty={waiting ? <EmptyState title={t("list.emptyWaiting")}>{t("list.emptyWaitingHint")}</EmptyState> : <EmptyState title={t("list.empty")}>{t("list.emptyHint")}</EmptyState>}
      columns={[{ label: t("list.evaluation") }, { label: t("list.target") }, { label: t("list.body") }, { label: t("list.due") }, { label: t("list.panel"), numeric: true }, { label: t("list.status") }]}
      rows={rows.map((r) => ({
        key: r.id,
        testId: "evaluation-row",
        data: { reference: r.reference },
        cells: [
          <span key="r" className="block min-w-40">
            <Link href={`/evaluations/${r.id}`} className="font-mono text-brand-800 hover:underline">{r.reference}</Link>
            <span className="mt-0.5 block text-xs font-normal text-slate-500">{te(`evaluationKind.${r.kind}`)}{r.contract ? ` · ${r.contract.reference}` : ""}</span>
          </span>,
          targetLabel(r, locale),
          localName(r.body, locale),
          <span key="d" className="whitespace-nowrap">{day(r.dueDate)}</span>,
          t("list.progress", { submitted: r.submitted, scorers: r.scorers }),
          <span key="s" className="flex flex-wrap gap-1">
            <EvaluationStatusBadge status={r.status} />
            {r.mySeat && !r.mySeat.recused && !r.mySeat.submitted && (r.status === "ASSIGNED" || r.status === "SCORING") ? <Badge tone="amber">{t("list.mine")}</Badge> : null}
          </span>,
        ],
      }))}
    />
  );
}
