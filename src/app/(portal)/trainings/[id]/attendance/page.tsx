import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { attendanceSheet } from "@/server/trainings/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { hoursOf } from "@/domain/trainings/rules";
import { localName } from "@/i18n/local-name";
import { AttendanceSheet } from "@/features/trainings/components/forms";
import { Notice, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { cn } from "@/components/ui/cn";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trainings.attendance");
  return { title: t("title") };
}

/** One session's attendance, made for a phone: the session's switcher, then the participants' switches. */
export default async function AttendancePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("trainings.attendance");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const wanted = Number(Array.isArray(sp.session) ? sp.session[0] : sp.session) || 1;
  const sheet = await attendanceSheet(user, id, wanted);
  if (!sheet) notFound();
  const [t, locale, format] = await Promise.all([getTranslations("trainings"), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  const s = sheet.session;
  const readOnly = sheet.training.status !== "PUBLISHED";
  return (
    <div className="space-y-5">
      <div>
        <Breadcrumb label={t("breadcrumb")} href={`/trainings/${sheet.training.id}`}>{sheet.training.title}</Breadcrumb>
        <PageHeader
          title={t("attendance.title")}
          description={`${sheet.training.reference} · ${sheet.training.title}`}
          actions={
            <>
              <a href={`/api/trainings/attendance-import/template?training=${encodeURIComponent(sheet.training.id)}`} className={buttonClass("secondary", "sm")} download>{t("import.programmeSheet")}</a>
              <Link href="/trainings/attendance-import" className={buttonClass("secondary", "sm")}>{t("import.title")}</Link>
            </>
          }
        />
      </div>
      <nav aria-label={t("attendance.sessions")} className="-mx-1 overflow-x-auto">
        <ul className="flex gap-2 px-1 pb-1">
          {sheet.sessions.map((x) => (
            <li key={x.id}>
              <Link
                href={`/trainings/${sheet.training.id}/attendance?session=${x.number}`}
                aria-current={x.number === s?.number ? "page" : undefined}
                className={cn(
                  "flex min-h-12 min-w-24 flex-col justify-center rounded-lg border px-3 py-1.5 text-sm",
                  x.number === s?.number ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
                )}
              >
                <span className="font-medium">{t("attendance.sessionShort", { number: x.number })}</span>
                <span className={cn("text-xs", x.number === s?.number ? "text-brand-100" : "text-slate-600")}>{x.recorded ? t("attendance.recorded") : day(x.date)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {!s ? (
        <Notice tone="info">{t("attendance.noSession")}</Notice>
      ) : (
        <section aria-labelledby="session-title" className="space-y-4">
          <div>
            <h2 id="session-title" className="text-lg font-semibold text-slate-900">{t("attendance.sessionTitle", { number: s.number, topic: s.topic })}</h2>
            <p className="text-sm text-slate-600">{t("attendance.sessionWhen", { date: day(s.date), time: s.startsAt, hours: hoursOf(s.halfHours) })}</p>
          </div>
          {readOnly ? <Notice tone="info">{t("attendance.readOnly")}</Notice> : null}
          {sheet.people.length === 0 ? (
            <Notice tone="info">{t("attendance.nobody")}</Notice>
          ) : (
            <AttendanceSheet
              key={s.id}
              sessionId={s.id}
              sessions={sheet.sessions.length}
              needed={sheet.needed}
              readOnly={readOnly}
              people={sheet.people.map((p) => ({ id: p.id, number: p.number, name: p.name, employer: localName(p.employer, locale), present: p.present, attended: p.attended, done: p.done }))}
            />
          )}
        </section>
      )}
    </div>
  );
}
