import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { enrolCandidates, getTraining, participants } from "@/server/trainings/queries";
import { can, scopeOf } from "@/domain/authz/matrix";
import { todayInCity } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";
import { formatFen } from "@/lib/money";
import { TrainingParticulars } from "@/features/trainings/components/training-particulars";
import { SessionsCard } from "@/features/trainings/components/sessions-card";
import { ParticipantsCard } from "@/features/trainings/components/participants-card";
import { ManageActions } from "@/features/trainings/components/manage-actions";
import { TrainingStatusBadge } from "@/features/trainings/components/training-status-badge";
import { EnrolForm } from "@/features/trainings/components/forms";
import { CohortLink } from "@/features/rotation/components/cohort-link";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trainings");
  return { title: t("detail.title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A programme: particulars, sessions, places and waiting list, enrolment, participants; for its provider (and the city) what manages it. */
export default async function TrainingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("trainings.read");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const p = await getTraining(user, id);
  if (!p) notFound();
  const today = todayInCity();
  const [t, locale] = await Promise.all([getTranslations("trainings"), getLocale()]);
  const target = { organizationId: p.providerId };
  const manage = can(user, "trainings.manage", target);
  const attendance = can(user, "trainings.attendance", target);
  const enrolScope = scopeOf(user.role, "trainings.enrol");
  const q = (one(sp.q) ?? "").trim().slice(0, 50);
  const [rows, candidates] = await Promise.all([
    participants(user, p.id),
    enrolScope && enrolScope !== "self" && p.open ? enrolCandidates(user, p.id, q) : Promise.resolve([]),
  ]);
  const closed = one(sp.closed)?.split("-").map(Number);
  const withdrawn = one(sp.withdrawn);
  const self = enrolScope === "self" && user.practitionerId ? user.practitionerId : null;
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("breadcrumb")} href="/trainings">{t("title")}</Breadcrumb>
        <PageHeader
          title={p.title}
          description={`${p.reference} · ${t(`kinds.${p.kind}`)} · ${localName(p.provider, locale)}`}
          actions={<TrainingStatusBadge status={p.status} />}
        />
        <div className="space-y-2">
          {sp.created ? <Notice tone="success">{t("notices.created")}</Notice> : null}
          {sp.saved ? <Notice tone="success">{t("notices.saved")}</Notice> : null}
          {sp.published ? <Notice tone="success">{t("notices.published")}</Notice> : null}
          {sp.cancelled ? <Notice tone="success">{t("notices.cancelled")}</Notice> : null}
          {closed && closed.length === 2 ? <Notice tone="success">{t("notices.closed", { completed: closed[0] ?? 0, notCompleted: closed[1] ?? 0 })}</Notice> : null}
          {withdrawn !== undefined ? <Notice tone="success">{t("notices.withdrawn", { promoted: Number(withdrawn) || 0 })}</Notice> : null}
          {one(sp.session) === "added" ? <Notice tone="success">{t("notices.sessionAdded")}</Notice> : null}
          {one(sp.session) === "saved" ? <Notice tone="success">{t("notices.sessionSaved")}</Notice> : null}
          {one(sp.session) === "removed" ? <Notice tone="success">{t("notices.sessionRemoved")}</Notice> : null}
          {p.waitingForMoney ? (
            <div data-testid="waiting-for-money">
              <Notice tone="info">{t("notices.waitingForMoney", { places: p.placesLeft, waiting: p.waitlisted, subsidy: formatFen(p.subsidyFen, locale), available: formatFen(p.lineAvailableFen ?? 0n, locale) })}</Notice>
            </div>
          ) : null}
        </div>
      </div>

      {manage ? <ManageActions t={p} today={today} /> : null}
      <CohortLink training={p} user={user} />

      <Card title={t("detail.particulars")}>
        <TrainingParticulars t={p} />
      </Card>

      <SessionsCard t={p} manage={manage} attendance={attendance} />

      {self ? (
        <Card title={t("enrol.title")}>
          {p.mine && p.mine.status !== "WITHDRAWN" ? (
            <p className="text-sm text-slate-700" data-testid="my-enrolment">
              {p.mine.status === "WAITLISTED" ? t("enrol.mineWaiting", { place: p.mine.place ?? 0 }) : t(`enrol.mine.${p.mine.status}`, { number: p.mine.number })}
            </p>
          ) : p.open ? (
            <div className="space-y-3">
              <p className="text-sm text-slate-700">{p.placesLeft ? t("enrol.selfIntro", { places: p.placesLeft }) : t("enrol.selfFull", { waiting: p.waitlisted })}</p>
              <EnrolForm trainingId={p.id} self={self} />
            </div>
          ) : (
            <p className="text-sm text-slate-700">{t("enrol.closed")}</p>
          )}
        </Card>
      ) : enrolScope && p.open ? (
        <Card title={t("enrol.othersTitle")}>
          <div id="enrol" className="space-y-4">
            <p className="text-sm text-slate-700">{p.placesLeft ? t("enrol.othersIntro", { places: p.placesLeft }) : t("enrol.othersFull", { waiting: p.waitlisted })}</p>
            <form method="get" action={`/trainings/${p.id}#enrol`} role="search" className="flex flex-wrap items-end gap-2">
              <div className="min-w-60 flex-1">
                <label htmlFor="q" className="mb-1 block text-xs font-medium text-slate-600">{t("enrol.search")}</label>
                <input id="q" name="q" defaultValue={q} placeholder={t("enrol.searchPlaceholder")} className={inputClass()} />
              </div>
              <button type="submit" className={buttonClass("secondary")}>{t("enrol.searchButton")}</button>
            </form>
            {candidates.length ? (
              <EnrolForm
                key={q}
                trainingId={p.id}
                candidates={candidates.map((c) => ({ id: c.id, label: [c.name, localName(c.organization, locale)].filter(Boolean).join(" · "), inAudience: c.inAudience }))}
              />
            ) : (
              <p className="text-sm text-slate-600">{t("enrol.noCandidates")}</p>
            )}
          </div>
        </Card>
      ) : null}

      {can(user, "trainings.participants.read") && (self ? rows.length > 0 : true) ? (
        <ParticipantsCard rows={rows} sessions={p.sessions.length} title={self ? t("participants.mine") : t("participants.title")} />
      ) : null}
    </div>
  );
}
