import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { TTrainingDetail } from "@/server/trainings/queries";
import { removeSessionAction } from "@/features/trainings/actions";
import { dayFormatter } from "@/domain/common/day-format";
import { isoDay } from "@/domain/common/calendar-day";
import { hoursOf } from "@/domain/trainings/rules";
import { Card, Notice } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { buttonClass } from "@/components/ui/button";
import { SessionForm } from "./forms";

/**
 * The sessions (number, date, time, hours, topic) against the programme's length. Whoever manages
 * the programme changes them in place, adds them (while hours are left) and removes them from a
 * draft; whoever takes attendance opens each session's sheet.
 */
export async function SessionsCard({ t: p, manage, attendance }: { t: TTrainingDetail; manage: boolean; attendance: boolean }) {
  const [t, format] = await Promise.all([getTranslations("trainings"), getFormatter()]);
  const day = dayFormatter(format);
  const editable = manage && (p.status === "DRAFT" || p.status === "PUBLISHED");
  const left = p.lengthHalfHours - p.sessionsHalfHours;
  return (
    <Card title={<span id="sessions">{t("sessions.title")}</span>}>
      <div className="space-y-4">
        <p className="text-sm text-slate-700" data-testid="sessions-total">
          {t("sessions.total", { sessions: p.sessions.length, hours: hoursOf(p.sessionsHalfHours), length: hoursOf(p.lengthHalfHours) })}
        </p>
        {editable && left > 0 ? <Notice tone="info">{t("sessions.hoursLeft", { hours: hoursOf(left) })}</Notice> : null}
        <DataTable
          caption={t("sessions.title")}
          empty={<p className="text-sm text-slate-600">{t("sessions.none")}</p>}
          columns={[
            { label: t("sessions.number"), numeric: true },
            { label: t("sessions.date") },
            { label: t("sessions.startsAt") },
            { label: t("sessions.hours"), numeric: true },
            { label: t("sessions.topic") },
            ...(attendance || editable ? [{ label: t("sessions.actions"), srOnly: true, actions: true }] : []),
          ]}
          rows={p.sessions.map((s) => ({
            key: s.id,
            testId: "session-row",
            cells: [
              s.number,
              day(s.date),
              s.startsAt,
              hoursOf(s.halfHours),
              s.topic,
              ...(attendance || editable
                ? [
                    <div key="a" className="flex flex-wrap items-start gap-2">
                      {attendance && p.status !== "DRAFT" ? (
                        <Link href={`/trainings/${p.id}/attendance?session=${s.number}`} className={buttonClass("secondary", "sm")}>
                          {s._count.attendance ? t("sessions.attendanceTaken") : t("sessions.takeAttendance")}
                          <span className="sr-only"> {t("sessions.ofSession", { number: s.number })}</span>
                        </Link>
                      ) : null}
                      {editable ? (
                        <details className="w-full">
                          <summary className="cursor-pointer text-sm text-brand-700 hover:underline">
                            {t("sessions.edit")}
                            <span className="sr-only"> {t("sessions.ofSession", { number: s.number })}</span>
                          </summary>
                          <div className="mt-2 min-w-72">
                            <SessionForm session={{ id: s.id, date: isoDay(s.date), startsAt: s.startsAt, hours: String(hoursOf(s.halfHours)), topic: s.topic }} />
                          </div>
                        </details>
                      ) : null}
                      {manage && p.status === "DRAFT" && !s._count.attendance ? (
                        <ConfirmAction
                          action={removeSessionAction}
                          extraNamespaces={["trainings.errors"]}
                          fields={{ id: s.id }}
                          label={t("sessions.remove", { number: s.number })}
                          title={t("sessions.removeTitle", { number: s.number })}
                          body={t("sessions.removeBody")}
                          confirmLabel={t("sessions.removeConfirm")}
                        />
                      ) : null}
                    </div>,
                  ]
                : []),
            ],
          }))}
        />
        {editable && left > 0 ? (
          <div className="border-t border-slate-100 pt-4">
            <h3 className="mb-3 text-sm font-semibold text-slate-900">{t("sessions.addTitle")}</h3>
            <SessionForm trainingId={p.id} defaultDate={isoDay(p.sessions.at(-1)?.date ?? p.startDate)} />
          </div>
        ) : null}
      </div>
    </Card>
  );
}
