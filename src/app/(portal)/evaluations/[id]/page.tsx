import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getEvaluation, scorerCandidates } from "@/server/evaluations/queries";
import { getPanelMinimum, getRecusalYears } from "@/server/evaluations/settings";
import { dayFormatter, instantDayFormatter } from "@/domain/common/day-format";
import { formatPoints } from "@/domain/scoring/rules";
import { sheetHundredths } from "@/domain/evaluations/rules";
import { PANEL_OPEN_STATUSES } from "@/domain/evaluations/enums";
import { localName } from "@/i18n/local-name";
import { EvaluationStatusBadge } from "@/features/evaluations/components/status-badge";
import { AddScorerForm, DeclareForm, SheetForm } from "@/features/evaluations/components/forms";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Badge, Card, EmptyState, Notice, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { EvaluationOutcome } from "@/features/evaluation-outcome/components/evaluation-outcome";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations");
  return { title: t("title") };
}

/**
 * One evaluation: its particulars, the panel with recusals and who has submitted, the caller's own
 * sheet (a scorer), every sheet once the panel has scored (the city and the body), then the outcome.
 */
export default async function EvaluationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("evaluations.read");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const evaluation = await getEvaluation(user, id);
  if (!evaluation) notFound();
  const [t, te, locale, format, minScorers, recusalYears] = await Promise.all([getTranslations("evaluations"), getTranslations("enums"), getLocale(), getFormatter(), getPanelMinimum(), getRecusalYears()]);
  const day = dayFormatter(format);
  const open = PANEL_OPEN_STATUSES.includes(evaluation.status);
  const active = evaluation.scorers.filter((s) => !s.recusedAt);
  const candidates = evaluation.access.assign && open ? await scorerCandidates(evaluation) : [];
  const criteria = evaluation.rubric.criteria;
  const seat = evaluation.seat;
  const mySheet = evaluation.mySheet ?? new Map<string, number>();
  const myTotal = seat ? sheetHundredths(criteria, mySheet) : null;

  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("title")} href="/evaluations">{t("title")}</Breadcrumb>
        <PageHeader title={`${evaluation.reference} · ${te(`evaluationKind.${evaluation.kind}`)}`} description={evaluation.practitioner ? evaluation.practitioner.name : localName(evaluation.organization, locale)} actions={<EvaluationStatusBadge status={evaluation.status} />} />
        {sp.created ? <Notice tone="success">{t("assign.created")}</Notice> : null}
        {sp.declared ? <Notice tone="success">{t("declare.done")}</Notice> : null}
        {sp.submitted ? <Notice tone="success">{t("sheet.submitted")}</Notice> : null}
      </div>

      <Card title={t("detail.particulars")}>
        <DescriptionList testId="evaluation-particulars">
          <DescriptionItem label={t("detail.kind")}>{te(`evaluationKind.${evaluation.kind}`)}</DescriptionItem>
          {evaluation.contract ? (
            <DescriptionItem label={t("detail.contract")}>
              <Link href={`/contracts/${evaluation.contract.id}`} className="text-brand-700 hover:underline">{`${evaluation.contract.reference} · ${evaluation.contract.call.title}`}</Link>
            </DescriptionItem>
          ) : null}
          {evaluation.organization ? <DescriptionItem label={t("detail.agency")}>{localName(evaluation.organization, locale)}</DescriptionItem> : null}
          {evaluation.practitioner ? <DescriptionItem label={t("detail.practitioner")}>{`${evaluation.practitioner.name}${evaluation.practitioner.idNumberMasked ? `（${evaluation.practitioner.idNumberMasked}）` : ""}`}</DescriptionItem> : null}
          {evaluation.track ? <DescriptionItem label={t("detail.track")}>{te(`talentTrack.${evaluation.track}`)}</DescriptionItem> : null}
          <DescriptionItem label={t("detail.year")}>{evaluation.year}</DescriptionItem>
          <DescriptionItem label={t("detail.body")}>{localName(evaluation.body, locale)}</DescriptionItem>
          <DescriptionItem label={t("detail.rubric")}>{t("detail.rubricVersion", { name: evaluation.rubric.name, version: evaluation.rubric.version })}</DescriptionItem>
          <DescriptionItem label={t("detail.due")}>{day(evaluation.dueDate)}</DescriptionItem>
          <DescriptionItem label={t("detail.assignedOn")}>{instantDayFormatter(format)(evaluation.createdAt)}</DescriptionItem>
        </DescriptionList>
      </Card>

      {evaluation.access.panel ? (
        <Card title={t("panel.title")}>
          <div className="space-y-4">
            {evaluation.status === "ASSIGNED" ? <Notice tone="info">{t("panel.minNote", { min: minScorers, active: active.length })}</Notice> : null}
            {open ? <p className="text-sm text-slate-600">{t("panel.hiddenNote")}</p> : null}
            <DataTable
              caption={t("panel.title")}
              empty={<EmptyState title={t("panel.empty")} />}
              columns={[{ label: t("panel.scorer") }, { label: t("panel.state") }]}
              rows={evaluation.scorers.map((s) => ({
                key: s.id,
                testId: `scorer-${s.user.email}`,
                data: { state: s.recusedAt ? `recused-${s.recusalReason}` : s.submittedAt ? "submitted" : "waiting" },
                cells: [
                  <span key="n">
                    <span className="font-medium text-slate-900">{s.user.name}{s.userId === user.id ? t("panel.you") : ""}</span>
                    <span className="block text-xs text-slate-500">{s.user.email}</span>
                  </span>,
                  s.recusedAt ? (
                    <span key="r">
                      <Badge tone="amber">{s.recusalReason === "EMPLOYMENT" ? t("panel.recusedEMPLOYMENT", { years: recusalYears }) : t("panel.recusedDECLARED")}</Badge>
                      {s.recusalNote && (evaluation.access.assign || s.userId === user.id) ? <span className="mt-1 block text-xs text-slate-600">{s.recusalNote}</span> : null}
                    </span>
                  ) : s.submittedAt ? (
                    <Badge key="s" tone="green">{t("panel.submitted")}</Badge>
                  ) : (
                    <Badge key="w" tone="slate">{t("panel.waiting")}</Badge>
                  ),
                ],
              }))}
            />
            {evaluation.access.assign && open ? (
              candidates.length ? <AddScorerForm evaluationId={evaluation.id} version={evaluation.version} candidates={candidates} /> : <p className="text-sm text-slate-600">{t("panel.noCandidates")}</p>
            ) : null}
          </div>
        </Card>
      ) : null}

      {seat && evaluation.access.score ? (
        <Card title={t("sheet.title")} actions={myTotal !== null ? <Badge tone="green">{t("sheet.yourTotal", { points: formatPoints(myTotal) })}</Badge> : null}>
          {seat.recusedAt ? (
            <Notice tone="info">{t("sheet.recused")}</Notice>
          ) : seat.submittedAt || !open ? (
            <div className="space-y-3">
              {!seat.submittedAt ? <Notice tone="info">{t("sheet.closed")}</Notice> : null}
              <DataTable
                caption={t("sheet.title")}
                columns={[{ label: t("sheet.criterion") }, { label: t("sheet.weight"), numeric: true }, { label: t("sheet.score"), numeric: true }]}
                rows={criteria.map((c) => ({ key: c.id, cells: [`${c.number}. ${c.name}`, t("sheet.weightValue", { weight: c.weight }), mySheet.get(c.id) ?? "—"] }))}
              />
            </div>
          ) : (
            <SheetForm evaluationId={evaluation.id} criteria={criteria} scores={Object.fromEntries(mySheet)} />
          )}
        </Card>
      ) : null}

      {seat && evaluation.access.score && !seat.recusedAt && !seat.submittedAt && open ? (
        <Card title={t("declare.title")}>
          <DeclareForm evaluationId={evaluation.id} />
        </Card>
      ) : null}

      {evaluation.sheets ? (
        <Card title={t("sheets.title")}>
          <div className="space-y-4">
            <DataTable
              caption={t("sheets.title")}
              rowHeaders
              columns={[{ label: t("sheets.scorer") }, ...criteria.map((c) => ({ label: `${c.number}. ${c.name}（${c.weight}%）`, numeric: true })), { label: t("sheets.total"), numeric: true }]}
              rows={evaluation.sheets.map((s) => ({
                key: s.scorerId,
                testId: "evaluation-sheet",
                cells: [s.name, ...criteria.map((c) => s.scores.get(c.id) ?? "—"), s.total !== null ? formatPoints(s.total) : "—"],
              }))}
            />
          </div>
        </Card>
      ) : null}

      <EvaluationOutcome evaluationId={evaluation.id} principal={user} notice={typeof sp.notice === "string" ? sp.notice : undefined} withTotals={!evaluation.sheets} />
    </div>
  );
}
