import "server-only";
import { prisma } from "@/server/db";
import type { TCurrentUser } from "@/server/auth/session";
import { evaluationScope } from "@/server/authz/scope";
import { can, type TPrincipal } from "@/domain/authz/matrix";
import { todayInCity } from "@/domain/common/calendar-day";
import { panelResult, sheetHundredths } from "@/domain/evaluations/rules";
import { isWindowOpen } from "@/domain/evaluation-outcome/rules";

// What an evaluation's outcome section shows, for the reader's role: the result (mean, spread, grade
// and each scorer's total — named for the city and the body, anonymised as scorer 1, 2, 3 for anyone
// else), the report, the appeal and its decision, and which of the forms the reader may use.

const PUBLIC_STATUSES = ["PUBLISHED", "UNDER_APPEAL", "FINAL"] as const;

/** The city and the evaluation body see the result from SCORED on; everyone else once the report is published. */
function seesResultAt(principal: TPrincipal, status: string): boolean {
  if (principal.role === "CITY_ADMIN" || principal.role === "EVALUATOR") return status === "SCORED" || (PUBLIC_STATUSES as readonly string[]).includes(status);
  return (PUBLIC_STATUSES as readonly string[]).includes(status);
}

export async function getEvaluationOutcome(principal: TPrincipal, evaluationId: string, today = todayInCity()) {
  if (!can(principal, "evaluations.read")) return null;
  const e = await prisma.evaluation.findFirst({
    where: { AND: [evaluationScope(principal, "evaluations.read"), { id: evaluationId }] },
    select: {
      id: true,
      reference: true,
      kind: true,
      status: true,
      version: true,
      organizationId: true,
      scoreHundredths: true,
      spreadHundredths: true,
      grade: true,
      report: true,
      reportFileId: true,
      publishedAt: true,
      appealDeadline: true,
      finalAt: true,
      body: { select: { name: true } },
      organization: { select: { name: true } },
      practitioner: { select: { name: true, organizationId: true } },
      contract: { select: { id: true, reference: true } },
      rubric: { select: { criteria: { select: { id: true, weight: true } } } },
      scorers: {
        where: { recusedAt: null, submittedAt: { not: null } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, user: { select: { name: true } }, scores: { select: { criterionId: true, score: true } } },
      },
      appeal: { select: { reason: true, filedAt: true, decision: true, decisionReason: true, revisedScoreHundredths: true, decidedAt: true } },
      rating: { select: { rating: true, ratedOn: true, validUntil: true } },
    },
  });
  if (!e) return null;
  const visible = seesResultAt(principal, e.status);
  const named = principal.role === "CITY_ADMIN" || principal.role === "EVALUATOR";
  const totals = visible
    ? e.scorers.map((s, i) => ({
        key: s.id,
        // Anonymised for anyone but the city and the body: the number is the order on the panel.
        name: named ? s.user.name : null,
        number: i + 1,
        totalHundredths: sheetHundredths(e.rubric.criteria, new Map(s.scores.map((x) => [x.criterionId, x.score]))),
      }))
    : [];
  const failRecord =
    e.status === "FINAL" && e.grade === "FAIL" && e.organizationId
      ? await prisma.integrityRecord.findFirst({ where: { organizationId: e.organizationId, kind: "EVALUATION_FAILED", description: e.reference }, select: { id: true, occurredOn: true } })
      : null;
  const windowOpen = isWindowOpen(e.appealDeadline, today);
  const inScope = async (action: "evaluations.report" | "appeals.file" | "appeals.decide") =>
    can(principal, action) && (await prisma.evaluation.count({ where: { AND: [evaluationScope(principal, action), { id: e.id }] } })) === 1;
  return {
    id: e.id,
    reference: e.reference,
    kind: e.kind,
    status: e.status,
    version: e.version,
    body: e.body.name,
    subject: e.organization?.name ?? e.practitioner?.name ?? null,
    contract: e.contract,
    resultVisible: visible,
    /** The panel's mean from the sheets (the stored score is the revised one after an upheld appeal). */
    panelMeanHundredths: visible ? (panelResult(totals.flatMap((t) => (t.totalHundredths === null ? [] : [t.totalHundredths])))?.meanHundredths ?? e.scoreHundredths) : null,
    revised: visible && e.appeal?.decision === "UPHELD" && e.appeal.revisedScoreHundredths !== null,
    scoreHundredths: visible ? e.scoreHundredths : null,
    spreadHundredths: visible ? e.spreadHundredths : null,
    grade: visible ? e.grade : null,
    totals,
    named,
    report: visible ? e.report : null,
    reportFileId: visible ? e.reportFileId : null,
    publishedAt: e.publishedAt,
    appealDeadline: e.appealDeadline,
    windowOpen,
    finalAt: e.finalAt,
    appeal: visible ? e.appeal : null,
    rating: e.status === "FINAL" ? e.rating : null,
    failRecord,
    canPublish: e.status === "SCORED" && (await inScope("evaluations.report")),
    canAppeal: e.status === "PUBLISHED" && !e.appeal && windowOpen && (await inScope("appeals.file")),
    canDecide: e.status === "UNDER_APPEAL" && !e.appeal?.decision && (await inScope("appeals.decide")),
    canFinalise: e.status === "PUBLISHED" && !windowOpen && (await inScope("appeals.decide")),
  };
}
export type TEvaluationOutcome = NonNullable<Awaited<ReturnType<typeof getEvaluationOutcome>>>;

/** The project evaluations of a contract, for its page: kind, body, status and (from publication) the grade. */
export async function contractEvaluations(principal: TPrincipal, contractId: string) {
  if (!can(principal, "evaluations.read")) return [];
  const rows = await prisma.evaluation.findMany({
    where: { AND: [evaluationScope(principal, "evaluations.read"), { contractId, status: { not: "CANCELLED" } }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, reference: true, kind: true, status: true, scoreHundredths: true, grade: true, finalAt: true, appealDeadline: true, body: { select: { name: true } } },
  });
  return rows.map((r) => {
    const visible = seesResultAt(principal, r.status);
    return { ...r, body: r.body.name, scoreHundredths: visible ? r.scoreHundredths : null, grade: visible ? r.grade : null };
  });
}

/** An evaluation report's file, for the download route: through an evaluation whose report the caller may read. */
export async function reportFileForDownload(user: TCurrentUser, fileId: string) {
  if (!can(user, "evaluations.read")) return null;
  const e = await prisma.evaluation.findFirst({ where: { AND: [evaluationScope(user, "evaluations.read"), { reportFileId: fileId }] }, select: { id: true, reference: true, status: true } });
  if (!e || !seesResultAt(user, e.status)) return null;
  const file = await prisma.storedFile.findUnique({ where: { id: fileId }, select: { id: true, storageKey: true, mimeType: true, originalName: true } });
  return file ? { file, evaluation: e } : null;
}
