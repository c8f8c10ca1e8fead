import { getFormatter, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/session";
import { registrationsOfPractitioner } from "@/server/registrations/queries";
import { can } from "@/domain/authz/matrix";
import { isOwnCredential } from "@/domain/credentials/rules";
import { nextPeriod } from "@/domain/registrations/rules";
import { isoDay, todayInCityIso } from "@/domain/common/calendar-day";
import { dayFormatter, instantDayFormatter } from "@/domain/common/day-format";
import { Card, EmptyState, Notice } from "@/components/ui/card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { HistoryTable } from "@/components/ui/data-table";
import { RegistrationStatusBadge } from "./registration-status-badge";
import { CpdLedger } from "./cpd-ledger";
import { CpdForm } from "./cpd-form";
import { RenewalButton } from "./renewal-button";

/**
 * A practitioner's registration (登记) and continuing-education ledger, on My profile and the
 * register's detail page: the current period, the renewal pre-flight ("60 of 90 hours; 30 more
 * by …"), what counts, the ledger with its proofs, and the forms the viewer may use. Checks
 * registrations.read itself and renders nothing outside the viewer's scope.
 */
export async function RegistrationPanel({ practitionerId }: { practitionerId: string }) {
  const user = await getCurrentUser();
  if (!user || !can(user, "registrations.read")) return null;
  const data = await registrationsOfPractitioner(user, practitionerId);
  if (!data) return null;
  const [t, te, format] = await Promise.all([getTranslations("registrations"), getTranslations("enums"), getFormatter()]);
  const date = dayFormatter(format);
  const num = (n: number) => format.number(n, { maximumFractionDigits: 1 });
  const target = { regionPath: data.practitioner.regionPath, organizationId: data.practitioner.organizationId, practitionerId: data.practitioner.id };
  const { primary, settings } = data;
  const maySubmit = can(user, "cpd.submit", target);
  const mayRequest = can(user, "registrations.requestRenewal", target);
  const mayDecide = can(user, "cpd.verify") ? (e: { practitionerId: string; submittedById: string | null }) => !isOwnCredential(user, e) : undefined;
  const older = data.registrations.filter((r) => r !== primary);

  return (
    <div className="space-y-6" data-testid="registration-panel">
      <Card title={t("title")}>
        {primary ? (
          <div className="space-y-5" data-testid="registration" data-registration-id={primary.id}>
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="text-base font-semibold text-slate-900">{te(`credentialKind.${primary.level}`)}</h3>
              <RegistrationStatusBadge status={primary.status} daysLeft={primary.daysLeft} />
            </div>
            <DescriptionList className="gap-4 sm:grid-cols-2 lg:grid-cols-4">
              <DescriptionItem label={t("number")}><span className="font-mono">{primary.number}</span></DescriptionItem>
              <DescriptionItem label={t("certificate")}><span className="font-mono">{primary.credential.number}</span></DescriptionItem>
              <DescriptionItem label={t("period")} testId="registration-period">{`${date(primary.periodStart)} – ${date(primary.periodEnd)}`}</DescriptionItem>
              <DescriptionItem label={t("standing")}>
                {primary.status === "lapsed" ? t("lapsedSince", { date: date(primary.periodEnd) }) : t("daysLeft", { days: primary.daysLeft })}
              </DescriptionItem>
            </DescriptionList>
            <p className="text-sm text-slate-600">{t("permanentNote")}</p>

            <section aria-labelledby="cpd-progress-title" className="space-y-2">
              <h4 id="cpd-progress-title" className="text-sm font-semibold text-slate-900">{t("progress.title")}</h4>
              <p className="text-lg font-semibold text-slate-900" data-testid="cpd-preflight">
                {primary.progress.met
                  ? t("progress.met", { counted: num(primary.progress.countedHours), required: primary.progress.requiredHours })
                  : t("progress.short", { counted: num(primary.progress.countedHours), required: primary.progress.requiredHours, remaining: num(primary.progress.remainingHours), date: date(primary.periodEnd) })}
              </p>
              <div
                role="progressbar"
                aria-label={t("progress.title")}
                aria-valuemin={0}
                aria-valuemax={primary.progress.requiredHours}
                aria-valuenow={Math.min(primary.progress.countedHours, primary.progress.requiredHours)}
                className="h-2.5 w-full overflow-hidden rounded-full bg-slate-100"
              >
                <div className={primary.progress.met ? "h-full bg-emerald-600" : "h-full bg-brand-600"} style={{ width: `${Math.min(100, (100 * primary.progress.countedHours) / Math.max(1, primary.progress.requiredHours))}%` }} />
              </div>
              {primary.progress.pendingHours > 0 ? <p className="text-sm text-slate-600">{t("progress.pending", { hours: num(primary.progress.pendingHours) })}</p> : null}
              {primary.progress.degreeInPeriod ? <p className="text-sm text-slate-600">{t("progress.degree", { hours: settings.cpdDegreeHours })}</p> : null}
              <details className="text-sm">
                <summary className="cursor-pointer text-brand-700 hover:underline">{t("counts.summary")}</summary>
                <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
                  <li>{t("counts.training")}</li>
                  <li>{t("counts.supervision")}</li>
                  <li>{t("counts.degree", { hours: settings.cpdDegreeHours })}</li>
                  <li>{t("counts.external")}</li>
                  <li>{t("counts.rule", {
                      perDay: settings.cpdMaxHoursPerDay,
                      assistant: settings.cpdHoursAssistant,
                      socialWorker: settings.cpdHoursSocialWorker,
                      years: settings.registrationYears,
                      assistantLevel: te("credentialKind.ASSISTANT_SOCIAL_WORKER"),
                      socialWorkerLevel: te("credentialKind.SOCIAL_WORKER"),
                      seniorLevel: te("credentialKind.SENIOR_SOCIAL_WORKER"),
                    })}</li>
                </ul>
              </details>
            </section>

            <section aria-labelledby="renewal-title" className="space-y-2 border-t border-slate-200 pt-4" data-testid="renewal">
              <h4 id="renewal-title" className="text-sm font-semibold text-slate-900">{t("renewal.title")}</h4>
              {primary.openRenewal ? (
                <Notice tone="info">{t("renewal.waiting", { date: instantDayFormatter(format)(primary.openRenewal.createdAt) })}</Notice>
              ) : primary.blocker === null ? (
                mayRequest ? (
                  <RenewalButton
                    registrationId={primary.id}
                    version={primary.version}
                    number={primary.number}
                    nextStart={isoDay(nextPeriod(primary.periodEnd, settings.registrationYears).start)}
                    nextEnd={isoDay(nextPeriod(primary.periodEnd, settings.registrationYears).end)}
                  />
                ) : (
                  <p className="text-sm text-slate-600">{t("renewal.ready")}</p>
                )
              ) : (
                <p className="text-sm text-slate-600">{t("renewal.notYet")}</p>
              )}
              <HistoryTable
                caption={t("renewal.historyCaption")}
                none={t("renewal.noHistory")}
                columns={[{ label: t("renewal.periodCol") }, { label: t("renewal.originCol") }]}
                rows={primary.periods.map((p) => ({ key: p.id, cells: [`${date(p.start)} – ${date(p.end)}`, t(`origin.${p.origin}`)] }))}
              />
              {primary.renewals.some((r) => r.status === "REJECTED") ? (
                <ul className="space-y-1 text-sm text-red-800">
                  {primary.renewals
                    .filter((r) => r.status === "REJECTED")
                    .map((r) => (
                      <li key={r.id}>{t("renewal.rejected", { date: r.decidedAt ? instantDayFormatter(format)(r.decidedAt) : "—", reason: r.reason ?? "—" })}</li>
                    ))}
                </ul>
              ) : null}
            </section>
          </div>
        ) : (
          <EmptyState title={t("none")}>{t("noneHint")}</EmptyState>
        )}
        {older.length ? (
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer text-slate-600 hover:text-slate-900">{t("others", { count: older.length })}</summary>
            <ul className="mt-2 space-y-1 text-slate-700">
              {older.map((r) => (
                <li key={r.id}>
                  {te(`credentialKind.${r.level}`)} · <span className="font-mono">{r.number}</span> · {`${date(r.periodStart)} – ${date(r.periodEnd)}`}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </Card>

      <Card title={t("ledger.title")}>
        <div className="space-y-6">
          <CpdLedger entries={data.ledger} mayDecide={mayDecide} />
          {maySubmit ? (
            <section aria-labelledby="cpd-submit-title" className="border-t border-slate-200 pt-4">
              <h3 id="cpd-submit-title" className="mb-1 text-sm font-semibold text-slate-900">{t("cpdForm.heading")}</h3>
              <p className="mb-3 text-sm text-slate-600">{t("cpdForm.intro")}</p>
              <CpdForm practitionerId={data.practitioner.id} today={todayInCityIso()} maxPerDay={settings.cpdMaxHoursPerDay} />
            </section>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
