import { getFormatter, getTranslations } from "next-intl/server";
import type { listAuditEvents } from "@/server/audit/queries";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { momentFormatter } from "@/domain/common/day-format";
import { isLoopbackAddress } from "@/lib/loopback";
import { auditLabels } from "@/features/audit/labels";
import { STATUS_TONE } from "@/components/ui/status-tone";

/**
 * A record's id, secondary to its kind: its first characters, muted, the whole id in the tooltip
 * and for screen readers and copying (the hidden rest is still selected text).
 */
function RecordId({ id }: { id: string }) {
  const shown = id.length > 10 ? id.slice(0, 8) : id;
  return (
    <span className="block text-xs text-slate-500 tabular-nums" title={id} data-testid="audit-entity-id" data-id={id}>
      {shown}
      {shown !== id ? (
        <>
          <span aria-hidden="true">…</span>
          <span className="sr-only">{id.slice(shown.length)}</span>
        </>
      ) : null}
    </span>
  );
}

/** A before/after snapshot, shortened: the full one stays in the database. */
function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-400">—</span>;
  const text = JSON.stringify(value);
  return <code className="block max-w-60 break-all text-xs text-slate-600">{text.length > 300 ? `${text.slice(0, 300)}…` : text}</code>;
}

/**
 * A page of audit events: when, who, what with its outcome, on which record, the change and where
 * from, actions and records named in the reader's language (auditLabels) and requests from the
 * server itself as "this machine". Addresses and unknown action codes may break anywhere, so the
 * log fits its box at 1280 px.
 */
export async function AuditTable({ result, params }: { result: Awaited<ReturnType<typeof listAuditEvents>>; params: Record<string, string | undefined> }) {
  const [t, format, label] = await Promise.all([getTranslations(), getFormatter(), auditLabels()]);
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
              {/* The label in the reader's language; the code as written stays in the tooltip. */}
              <span className="block wrap-anywhere" title={e.action} data-testid="audit-action">{label.action(e.action)}</span>
              <Badge tone={STATUS_TONE.auditOutcome[e.outcome]}>{t(`audit.outcomes.${e.outcome}`)}</Badge>
            </>,
            <>
              <span className="block wrap-anywhere" title={e.entity} data-testid="audit-entity">{label.entity(e.entity)}</span>
              {e.entityId ? <RecordId id={e.entityId} /> : null}
            </>,
            <Json key="before" value={e.before} />,
            <Json key="after" value={e.after} />,
            <>
              <span className="block" title={e.ip ?? undefined} data-testid="audit-source">{isLoopbackAddress(e.ip) ? t("audit.thisMachine") : (e.ip ?? "—")}</span>
              <span className="block max-w-40 truncate" title={e.userAgent ?? ""}>{e.userAgent ?? ""}</span>
            </>,
          ],
        }))}
      />
      {result.items.length ? <ListPagination result={result} basePath="/admin/audit" params={params} /> : null}
    </>
  );
}
