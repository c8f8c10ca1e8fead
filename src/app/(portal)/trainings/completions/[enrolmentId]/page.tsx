import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/session";
import { completionRecord } from "@/server/trainings/queries";
import { dayFormatter, instantDayFormatter } from "@/domain/common/day-format";
import { hoursOf } from "@/domain/trainings/rules";
import { localName } from "@/i18n/local-name";
import { PrintButton } from "@/features/public-register/components/print-button";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trainings.completion");
  return { title: t("title") };
}

// Printing shows the record alone on one A4 page: the portal's header, navigation and footer go.
const PRINT_CSS = `
@media print {
  @page { size: A4 portrait; margin: 18mm; }
  html, body { background: #fff !important; }
  body header, body aside, body footer, body nav, a[href="#main"] { display: none !important; }
  body * { visibility: hidden; }
  #completion-record, #completion-record * { visibility: visible; }
  #completion-record { position: absolute; left: 0; top: 0; width: 100%; max-width: none; margin: 0; border: 0; box-shadow: none; }
}`;

/**
 * A completion (结业记录, not a certificate): the programme, its provider, dates and hours, the
 * person's name and the record's number. For the person, and whoever reads the programme's participants.
 */
export default async function CompletionPage({ params }: { params: Promise<{ enrolmentId: string }> }) {
  const user = await requireUser();
  const { enrolmentId } = await params;
  const r = await completionRecord(user, enrolmentId);
  if (!r) notFound();
  const [t, tk, locale, format] = await Promise.all([getTranslations("trainings.completion"), getTranslations("trainings.kinds"), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  const own = user.practitionerId !== null && user.practitionerId === r.practitionerId;
  return (
    <div>
      <style>{PRINT_CSS}</style>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <div className="flex gap-2">
          <Link href={own ? "/me#trainings" : `/trainings/${r.training.id}#participants`} className={buttonClass("secondary")}>{t("back")}</Link>
          <PrintButton label={t("print")} />
        </div>
      </div>
      <article id="completion-record" data-testid="completion-record" className="mx-auto max-w-3xl rounded-lg border border-slate-300 bg-white p-8 shadow-sm sm:p-12">
        <p className="text-center text-sm tracking-widest text-slate-600">{localName(r.training.provider, locale)}</p>
        <h2 className="mt-3 text-center text-3xl font-semibold tracking-wide text-slate-900">{t("heading")}</h2>
        <p className="mt-8 text-lg leading-relaxed text-slate-800">
          {t("statement", { name: r.practitioner.name, title: r.training.title, start: day(r.training.startDate), end: day(r.training.endDate), hours: hoursOf(r.training.cpdHalfHours) })}
        </p>
        <dl className="mt-8 grid grid-cols-1 gap-x-8 gap-y-3 text-sm sm:grid-cols-2 print:grid-cols-2">
          <Item label={t("person")} value={r.practitioner.name} testId="completion-person" />
          <Item label={t("employer")} value={localName(r.practitioner.organization, locale) || "—"} />
          <Item label={t("programme")} value={r.training.title} />
          <Item label={t("kind")} value={tk(r.training.kind)} />
          <Item label={t("provider")} value={localName(r.training.provider, locale)} />
          <Item label={t("dates")} value={`${day(r.training.startDate)} – ${day(r.training.endDate)}`} />
          <Item label={t("venue")} value={r.training.venue} />
          <Item label={t("attendance")} value={t("attendanceValue", { attended: r._count.attendance, sessions: r.sessions })} />
          <Item label={t("hours")} value={t("hoursValue", { hours: hoursOf(r.training.cpdHalfHours), length: hoursOf(r.training.lengthHalfHours) })} testId="completion-hours" />
          <Item label={t("completedOn")} value={r.completedAt ? instantDayFormatter(format)(r.completedAt) : "—"} />
          <Item label={t("programmeReference")} value={r.training.reference} mono />
          <Item label={t("recordNumber")} value={r.recordNumber} mono testId="completion-number" />
        </dl>
        <p className="mt-10 border-t border-slate-200 pt-4 text-xs text-slate-500">{t("note")}</p>
      </article>
    </div>
  );
}

function Item({ label, value, mono, testId }: { label: string; value: string; mono?: boolean; testId?: string }) {
  return (
    <div className="flex flex-col border-b border-slate-100 pb-2">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={mono ? "font-mono text-slate-900" : "text-slate-900"} data-testid={testId}>{value}</dd>
    </div>
  );
}
