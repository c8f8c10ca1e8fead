import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TSessionRow } from "@/server/supervision/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { Badge } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";

const TONE = { LOGGED: "amber", CONFIRMED: "green", DISPUTED: "red" } as const;

/** Sessions of one side (received or given): day, the other person, topic, hours, status (a dispute with its reason), and optional actions. */
export async function SessionTable({ caption, sessions, side, empty, actions, testId }: { caption: string; sessions: TSessionRow[]; side: "supervisor" | "supervisee"; empty: ReactNode; actions?: (s: TSessionRow) => ReactNode; testId: string }) {
  const [t, format] = await Promise.all([getTranslations("supervision.sessions"), getFormatter()]);
  const day = dayFormatter(format);
  const hours = (half: number) => format.number(half / 2, { maximumFractionDigits: 1 });
  return (
    <DataTable
      caption={caption}
      testId={testId}
      empty={empty}
      columns={[
        { label: t("date") },
        { label: side === "supervisor" ? t("supervisor") : t("supervisee") },
        { label: t("topic") },
        { label: t("hours"), numeric: true },
        { label: t("status") },
        ...(actions ? [{ label: t("actions"), srOnly: true, actions: true }] : []),
      ]}
      rows={sessions.map((s) => ({
        key: s.id,
        testId: "session-row",
        data: { "session-id": s.id, status: s.status },
        cells: [
          <span key="d" className="whitespace-nowrap">{day(s.date)}</span>,
          side === "supervisor" ? s.supervision.supervisor.name : s.supervision.supervisee.name,
          <span key="t" className="block min-w-40">{s.topic}</span>,
          hours(s.halfHours),
          <div key="s">
            <Badge tone={TONE[s.status]}>{t(`statuses.${s.status}`)}</Badge>
            {s.status === "DISPUTED" && s.reason ? <p className="mt-1 text-xs text-red-800">{t("disputeReason", { reason: s.reason })}</p> : null}
          </div>,
          ...(actions ? [actions(s)] : []),
        ],
      }))}
    />
  );
}
