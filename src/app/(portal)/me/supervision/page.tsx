import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { scopeOf } from "@/domain/authz/matrix";
import { mySupervision } from "@/server/supervision/queries";
import { isoDay } from "@/domain/common/calendar-day";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { eligibilityWords } from "@/features/supervision/components/eligibility-text";
import { LogSessionForm } from "@/features/supervision/components/log-session-form";
import { SessionDecision } from "@/features/supervision/components/session-decision";
import { SessionTable } from "@/features/supervision/components/session-table";
import { Badge, EmptyState, Notice, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { SectionCard } from "@/components/ui/section-card";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supervision.mine");
  return { title: t("title") };
}

export default async function MySupervisionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("supervision.read");
  // Officials and agencies read supervision on the list made for them.
  if (scopeOf(user.role, "supervision.read") !== "self") redirect("/supervision");
  const data = await mySupervision(user);
  if (!data) notFound();
  const sp = await searchParams;
  const [t, locale, format, words] = await Promise.all([getTranslations("supervision"), getLocale(), getFormatter(), eligibilityWords()]);
  const day = dayFormatter(format);
  const hours = (half: number) => format.number(half / 2, { maximumFractionDigits: 1 });
  const eligibility = data.standing?.eligibility ?? null;
  const activeSupervising = data.supervising.filter((p) => !p.endDate);
  const notice = sp.logged ? t("notices.logged") : sp.confirmed ? t("notices.confirmed") : sp.disputed ? t("notices.disputed") : null;
  const pairTable = (caption: string, rows: typeof data.supervising, other: "supervisor" | "supervisee", testId: string) => (
    <DataTable
      caption={caption}
      testId={testId}
      columns={[{ label: other === "supervisor" ? t("sessions.supervisor") : t("sessions.supervisee") }, { label: t("columns.period") }, { label: t("columns.confirmedHours"), numeric: true }, { label: t("columns.sessions") }]}
      rows={rows.map((p) => {
        const person = other === "supervisor" ? p.supervisor : p.supervisee;
        return {
          key: p.id,
          testId: "my-pair",
          data: { state: p.endDate ? "ended" : "active" },
          cells: [
            <div key="n">
              <span className="font-medium text-slate-900">{person.name}</span>
              <span className="block text-xs text-slate-500">{person.organization ? localName(person.organization, locale) : "—"}</span>
            </div>,
            <div key="d">
              {p.endDate ? t("pairs.periodEnded", { start: day(p.startDate), end: day(p.endDate) }) : t("pairs.periodOpen", { start: day(p.startDate) })}
              <span className="block">{p.endDate ? <Badge>{t("pairs.ended")}</Badge> : <Badge tone="green">{t("pairs.active")}</Badge>}</span>
            </div>,
            hours(p.confirmedHalfHours),
            t("pairs.sessionFigures", { waiting: p.waiting, disputed: p.disputed }),
          ],
        };
      })}
    />
  );
  return (
    <div className="space-y-6">
      <PageHeader title={t("mine.title")} description={t("mine.description")} actions={<Link href="/me" className={buttonClass("secondary")}>{t("mine.back")}</Link>} />
      {notice ? <Notice tone="success">{notice}</Notice> : null}

      <SectionCard id="waiting" title={t("mine.waitingTitle")}>
        <p className="mb-4 text-sm text-slate-600">{t("mine.waitingIntro", { days: data.settings.supervisionConfirmDays })}</p>
        <SessionTable
          caption={t("mine.waitingTitle")}
          testId="sessions-waiting"
          sessions={data.waiting}
          side="supervisor"
          empty={<EmptyState title={t("mine.waitingEmpty")}>{data.supervisedBy.some((p) => !p.endDate) ? t("mine.waitingEmptyHint") : t("mine.noSupervisorHint")}</EmptyState>}
          actions={(s) => <SessionDecision session={{ id: s.id, version: s.version, label: t("mine.sessionLabel", { date: day(s.date), hours: hours(s.halfHours), topic: s.topic, person: s.supervision.supervisor.name }) }} />}
        />
      </SectionCard>

      <SectionCard id="received" title={t("mine.receivedTitle")}>
        <div className="space-y-6">
          {data.supervisedBy.length ? pairTable(t("mine.mySupervisors"), data.supervisedBy, "supervisor", "my-supervisors") : <EmptyState title={t("mine.noSupervisor")}>{t("mine.noSupervisorHint")}</EmptyState>}
          <SessionTable caption={t("mine.receivedHistory")} testId="sessions-received" sessions={data.received} side="supervisor" empty={<p className="text-sm text-slate-600">{t("mine.receivedEmpty")}</p>} />
          <p className="text-sm text-slate-600">{t("mine.ledgerNote")} <Link href="/me" className="text-brand-700 underline hover:text-brand-800">{t("mine.ledgerLink")}</Link></p>
        </div>
      </SectionCard>

      <SectionCard id="given" title={t("mine.givenTitle")}>
        <div className="space-y-6">
          <div data-testid="my-eligibility" data-eligible={eligibility?.eligible ? "true" : "false"} className="space-y-1">
            <p className="text-sm text-slate-700"><span className="font-medium text-slate-900">{t("ruleTitle")}</span> {words.rule(data.settings)}</p>
            {eligibility ? (
              <p className="text-sm">
                <Badge tone={eligibility.eligible ? "green" : "amber"}>{words.label(eligibility)}</Badge> <span className="text-slate-700">{words.summary(eligibility)}</span>
              </p>
            ) : null}
          </div>
          {data.supervising.length ? pairTable(t("mine.mySupervisees"), data.supervising, "supervisee", "my-supervisees") : <EmptyState title={t("mine.noSupervisees")}>{eligibility?.eligible ? t("mine.noSuperviseesEligible") : t("mine.noSuperviseesNotEligible")}</EmptyState>}
          {activeSupervising.length ? (
            <section aria-labelledby="log-title" className="border-t border-slate-200 pt-4">
              <h3 id="log-title" className="mb-1 text-sm font-semibold text-slate-900">{t("log.title")}</h3>
              <p className="mb-3 text-sm text-slate-600">{t("log.intro", { perDay: data.settings.cpdMaxHoursPerDay })}</p>
              <LogSessionForm pairs={activeSupervising.map((p) => ({ id: p.id, label: t("log.pairOption", { name: p.supervisee.name, start: day(p.startDate) }) }))} today={isoDay(data.today)} maxPerDay={data.settings.cpdMaxHoursPerDay} />
            </section>
          ) : null}
          {data.supervising.length ? <SessionTable caption={t("mine.givenHistory")} testId="sessions-given" sessions={data.given} side="supervisee" empty={<p className="text-sm text-slate-600">{t("mine.givenEmpty")}</p>} /> : null}
        </div>
      </SectionCard>
    </div>
  );
}
