import { getFormatter, getTranslations } from "next-intl/server";
import type { TCpdRow } from "@/server/registrations/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { Badge } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ReasonButton, VerifyButton } from "@/features/credentials/components/decision-buttons";
import { STATUS_TONE } from "@/components/ui/status-tone";


/**
 * The continuing-education ledger: one line per activity, newest first, with its proof and, for a
 * reviewer allowed to decide (`mayDecide`), the verify and reject buttons on waiting lines.
 */
export async function CpdLedger({ entries, mayDecide }: { entries: TCpdRow[]; mayDecide?: (e: TCpdRow) => boolean }) {
  const [t, tk, ts, format] = await Promise.all([
    getTranslations("registrations.ledger"),
    getTranslations("registrations.cpdKind"),
    getTranslations("registrations.reviewStatus"),
    getFormatter(),
  ]);
  const date = dayFormatter(format);
  const hours = (half: number) => format.number(half / 2, { maximumFractionDigits: 1 });
  return (
    <DataTable
      caption={t("caption")}
      testId="cpd-ledger"
      columns={[
        { label: t("when") },
        { label: t("activity"), className: "sm:min-w-48" },
        { label: t("kind") },
        { label: t("hours"), numeric: true },
        { label: t("status") },
        ...(mayDecide ? [{ label: t("actions"), srOnly: true, actions: true }] : []),
      ]}
      empty={<p className="text-sm text-slate-600">{t("empty")}</p>}
      rows={entries.map((e) => ({
        key: e.id,
        testId: "cpd-entry",
        data: { "cpd-id": e.id, status: e.status },
        cells: [
          <span key="d" className="whitespace-nowrap">{e.startDate.getTime() === e.endDate.getTime() ? date(e.endDate) : `${date(e.startDate)} – ${date(e.endDate)}`}</span>,
          <div key="a">
            <p className="font-medium text-slate-900">{e.title}</p>
            <p className="text-xs text-slate-500">{e.provider}</p>
            {e.proofFile ? (
              <a href={`/api/files/${e.proofFile.id}`} className="text-xs text-brand-700 underline hover:text-brand-800">{t("proof")}</a>
            ) : e.sourceRef ? (
              <span className="text-xs text-slate-500">{t("credited")}</span>
            ) : null}
            {e.status === "REJECTED" && e.reason ? <p className="mt-1 text-xs text-red-800">{t("reason", { reason: e.reason })}</p> : null}
          </div>,
          tk(e.kind),
          hours(e.halfHours),
          <Badge key="s" tone={STATUS_TONE.review[e.status]}>{ts(e.status)}</Badge>,
          ...(mayDecide
            ? [
                e.status === "SUBMITTED" && mayDecide(e) ? (
                  <div key="x" className="flex flex-wrap gap-2">
                    <VerifyButton subject="cpd" credential={{ id: e.id, version: e.version, label: t("entryLabel", { title: e.title, hours: hours(e.halfHours) }) }} />
                    <ReasonButton subject="cpd" kind="reject" credential={{ id: e.id, version: e.version, label: t("entryLabel", { title: e.title, hours: hours(e.halfHours) }) }} />
                  </div>
                ) : null,
              ]
            : []),
        ],
      }))}
    />
  );
}
