import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TPrincipal } from "@/domain/authz/matrix";
import { getEvaluationOutcome } from "@/server/evaluation-outcome/queries";
import { formatHundredths } from "@/domain/evaluation-outcome/rules";
import { dayFormatter, instantDayFormatter } from "@/domain/common/day-format";
import { Badge, Notice } from "@/components/ui/card";
import { SectionCard } from "@/components/ui/section-card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { DataTable } from "@/components/ui/data-table";
import { AppealForm, DecideAppealForm, FinaliseForm, PublishReportForm } from "./outcome-forms";
import { GRADE_TONE, OUTCOME_STATUS_TONE } from "./tones";

// The outcome section of an evaluation's page (/evaluations/[id], part B of issue 14): the result
// (mean, spread, grade, each scorer's total — anonymised for the evaluated party), the report, the
// appeal and the city's decision, what the final result set (rating, integrity record), and the
// form the reader may use now: the body publishes, the agency appeals, the city decides or finalises.

export const OUTCOME_NOTICES = ["published", "appealed", "decided", "finalised"] as const;

function Sub({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="border-t border-slate-200 pt-4 first:border-t-0 first:pt-0" data-testid={testId}>
      <h3 className="mb-2 text-sm font-semibold text-slate-900">{title}</h3>
      {children}
    </div>
  );
}

/** `withTotals`: each scorer's total; off where the page already shows every sheet with its total (the city, the body). */
export async function EvaluationOutcome({ evaluationId, principal, notice, withTotals = true }: { evaluationId: string; principal: TPrincipal; notice?: string; withTotals?: boolean }) {
  const o = await getEvaluationOutcome(principal, evaluationId);
  if (!o) return null;
  const [t, te, format] = await Promise.all([getTranslations("evaluationOutcome"), getTranslations("enums"), getFormatter()]);
  const day = dayFormatter(format);
  const instantDay = instantDayFormatter(format);
  const score = (h: number | null) => (h === null ? "—" : formatHundredths(h));
  const shownNotice = OUTCOME_NOTICES.find((n) => n === notice);
  return (
    <SectionCard id="outcome" title={t("title")} actions={<Badge tone={OUTCOME_STATUS_TONE[o.status]}>{te(`evaluationStatus.${o.status}`)}</Badge>}>
      <div className="space-y-5" data-testid="evaluation-outcome" data-status={o.status}>
        {shownNotice ? <Notice tone="success">{t(`notices.${shownNotice}`)}</Notice> : null}
        <div className="space-y-5">

        <Sub title={t("result")} testId="outcome-result">
          {o.resultVisible ? (
            <>
              <DescriptionList className={o.revised ? "grid-cols-2 gap-3 sm:max-w-2xl sm:grid-cols-4" : "grid-cols-3 gap-3 sm:max-w-xl"}>
                <DescriptionItem label={t("mean")} testId="outcome-mean">
                  <span className="text-lg font-semibold tabular-nums">{score(o.panelMeanHundredths)}</span>
                </DescriptionItem>
                <DescriptionItem label={t("spread")} testId="outcome-spread">
                  <span className="text-lg font-semibold tabular-nums">{score(o.spreadHundredths)}</span>
                </DescriptionItem>
                {o.revised ? (
                  <DescriptionItem label={t("revisedScore")} testId="outcome-revised">
                    <span className="text-lg font-semibold tabular-nums">{score(o.scoreHundredths)}</span>
                  </DescriptionItem>
                ) : null}
                <DescriptionItem label={t("grade")} testId="outcome-grade">
                  {o.grade ? <Badge tone={GRADE_TONE[o.grade]}>{te(`evaluationGrade.${o.grade}`)}</Badge> : "—"}
                </DescriptionItem>
              </DescriptionList>
              {withTotals && o.totals.length ? (
                <div className="mt-3 sm:max-w-md">
                  <DataTable
                    caption={t("scorerTotals")}
                    layout="scroll"
                    testId="outcome-totals"
                    columns={[{ label: t("scorer") }, { label: t("total"), numeric: true }]}
                    rows={o.totals.map((s) => ({ key: s.key, cells: [s.name ?? t("scorerN", { number: s.number }), s.totalHundredths === null ? t("incomplete") : formatHundredths(s.totalHundredths)] }))}
                  />
                </div>
              ) : null}
            </>
          ) : (
            <p className="text-sm text-slate-600">{o.status === "ASSIGNED" || o.status === "SCORING" ? t("notYetScored") : t("notYetPublished")}</p>
          )}
        </Sub>

        <Sub title={t("report")} testId="outcome-report">
          {o.report !== null && o.publishedAt ? (
            <div className="space-y-2 text-sm">
              <p className="text-slate-600">
                {t("publishedOn", { date: instantDay(o.publishedAt) })}
                {o.appealDeadline && o.status === "PUBLISHED" ? ` · ${o.windowOpen ? t("deadline", { date: day(o.appealDeadline) }) : t("windowEnded", { date: day(o.appealDeadline) })}` : null}
              </p>
              <p className="whitespace-pre-line text-slate-900">{o.report}</p>
              {o.reportFileId ? (
                <a href={`/api/files/${o.reportFileId}`} className="inline-block font-medium text-brand-700 hover:underline">{t("reportFile")}</a>
              ) : null}
            </div>
          ) : o.canPublish ? null : (
            <p className="text-sm text-slate-600">{t("noReport")}</p>
          )}
          {o.canPublish ? (
            <div className="mt-2">
              <PublishReportForm evaluationId={o.id} version={o.version} />
            </div>
          ) : null}
        </Sub>

        {o.publishedAt && o.resultVisible ? (
          <Sub title={t("appeal")} testId="outcome-appeal">
            {o.appeal ? (
              <div className="space-y-3 text-sm">
                <div>
                  <p className="text-slate-600">{t("appealFiledOn", { date: instantDay(o.appeal.filedAt) })}</p>
                  <p className="mt-1 whitespace-pre-line text-slate-900">{o.appeal.reason}</p>
                </div>
                {o.appeal.decision && o.appeal.decidedAt ? (
                  <div className="rounded-md bg-slate-50 p-3" data-testid="outcome-decision" data-decision={o.appeal.decision}>
                    <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                      {t("decision")}
                      <Badge tone={o.appeal.decision === "UPHELD" ? "blue" : "slate"}>{t(`decisions.${o.appeal.decision}`)}</Badge>
                      <span className="font-normal text-slate-600">{t("decidedOn", { date: instantDay(o.appeal.decidedAt) })}</span>
                    </p>
                    {o.appeal.revisedScoreHundredths !== null ? <p className="mt-1 text-slate-800">{t("revisedTo", { score: formatHundredths(o.appeal.revisedScoreHundredths) })}</p> : null}
                    {o.appeal.decisionReason ? <p className="mt-1 whitespace-pre-line text-slate-900">{o.appeal.decisionReason}</p> : null}
                  </div>
                ) : null}
              </div>
            ) : o.canAppeal ? null : (
              <p className="text-sm text-slate-600">{o.status === "PUBLISHED" && o.windowOpen ? t("deadline", { date: day(o.appealDeadline) }) : o.status === "PUBLISHED" ? t("windowEnded", { date: day(o.appealDeadline) }) : t("noAppeal")}</p>
            )}
            {o.canAppeal ? <AppealForm evaluationId={o.id} version={o.version} /> : null}
            {o.canDecide ? (
              <div className="mt-3">
                <p className="mb-2 text-sm font-medium text-slate-800">{t("decisionTitle")}</p>
                <DecideAppealForm evaluationId={o.id} version={o.version} />
              </div>
            ) : null}
            {o.canFinalise ? (
              <div className="mt-3">
                <p className="mb-2 text-sm font-medium text-slate-800">{t("finaliseTitle")}</p>
                <FinaliseForm evaluationId={o.id} version={o.version} />
              </div>
            ) : null}
          </Sub>
        ) : null}

        {o.status === "FINAL" && o.finalAt ? (
          <Sub title={te("evaluationStatus.FINAL")} testId="outcome-final">
            <ul className="space-y-1 text-sm text-slate-800">
              <li>{t("finalOn", { date: instantDay(o.finalAt) })}</li>
              {o.rating ? (
                <li data-testid="outcome-rating">{t("ratingSet", { rating: te(`agencyRatingLevel.${o.rating.rating}`), date: day(o.rating.validUntil) })}</li>
              ) : null}
              {o.failRecord ? <li className="text-red-800" data-testid="outcome-integrity">{t("integrityRecorded", { date: day(o.failRecord.occurredOn) })}</li> : null}
              {o.contract ? (
                <li>
                  <Link href={`/contracts/${o.contract.id}`} className="font-medium text-brand-700 hover:underline">{o.contract.reference}</Link>
                </li>
              ) : null}
            </ul>
          </Sub>
        ) : null}
        </div>
      </div>
    </SectionCard>
  );
}
