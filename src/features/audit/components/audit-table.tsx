import { getFormatter, getTranslations } from "next-intl/server";
import type { listAuditEvents } from "@/server/audit/queries";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { momentFormatter } from "@/domain/common/day-format";

const TONE = { SUCCESS: "green", FAILURE: "amber", DENIED: "red" } as const;

/** A before/after snapshot, shortened: the full one stays in the database. */
function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-400">—</span>;
  const text = JSON.stringify(value);
  return <code className="block max-w-60 break-all text-xs text-slate-600">{text.length > 300 ? `${text.slice(0, 300)}…` : text}</code>;
}

/**
 * A page of audit events: when, who, what with its outcome, on which record, the change and where
 * from. Addresses, action names and ids may break anywhere, so the log fits its box at 1280 px.
 */
export async function AuditTable({ result, params }: { result: Awaited<ReturnType<typeof listAuditEvents>>; params: Record<string, string | undefined> }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <>
      <DataTable
        caption={t("nav.audit")}
        hover
        empty={<EmptyState title={t("audit.empty")}>{t("common.tryOtherFilters")}</EmptyState>}
        columns={[
          { label: t("audit.time"), className: "whitespace-nowrap text-slate-600" },
          { label: t("audit.actor") },
          { label: t("audit.action") },
          { label: t("audit.entity") },
          { label: t("audit.before") },
          { label: t("audit.after") },
          { label: t("audit.source"), className: "text-xs text-slate-500" },
        ]}
        rows={result.items.map((e) => ({
          key: e.id,
          cells: [
            momentFormatter(format, { seconds: true })(e.at),
            <>
              <span className="block wrap-anywhere">{e.actorEmail ?? "—"}</span>
              {e.actorRole ? <span className="text-xs text-slate-500">{t(`roles.${e.actorRole}`)}</span> : null}
            </>,
            <>
              <span className="block font-mono text-xs wrap-anywhere">{e.action}</span>
              <Badge tone={TONE[e.outcome]}>{t(`audit.outcomes.${e.outcome}`)}</Badge>
            </>,
            <>
              <span className="block">{e.entity}</span>
              <span className="block font-mono text-xs text-slate-500 wrap-anywhere">{e.entityId ?? ""}</span>
            </>,
            <Json key="before" value={e.before} />,
            <Json key="after" value={e.after} />,
            <>
              <span className="block">{e.ip ?? "—"}</span>
              <span className="block max-w-40 truncate" title={e.userAgent ?? ""}>{e.userAgent ?? ""}</span>
            </>,
          ],
        }))}
      />
      {result.items.length ? <ListPagination result={result} basePath="/admin/audit" params={params} /> : null}
    </>
  );
}
