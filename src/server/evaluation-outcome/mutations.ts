import "server-only";
import { prisma, type TTx } from "@/server/db";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { evaluationScope } from "@/server/authz/scope";
import { withStoredScan, type TScanUpload } from "@/server/storage/upload";
import { workingDaysAfter } from "@/server/evaluations/calendar";
import { notify, recipientSelect } from "@/server/notifications/notify";
import { deliver } from "@/server/notifications/mailer";
import { evaluationSelect, auditView, settings, makeFinal, finaliseAudited, type TEvaluationRow } from "./final";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import { gradeOf } from "@/domain/evaluations/rules";
import { isWindowOpen } from "@/domain/evaluation-outcome/rules";
import type { TDecideAppeal, TFileAppeal, TFinaliseEvaluation, TPublishReport } from "@/domain/evaluation-outcome/schemas";
import type { TAction } from "@/domain/authz/matrix";

// An evaluation's outcome (issue 14): SCORED → the body publishes its report (PUBLISHED, the appeal
// window set by the city's working-day calendar) → the evaluated agency may appeal once within the
// window (UNDER_APPEAL) → the city decides with reasons → FINAL; or the window ends without an appeal
// → FINAL (the hourly pass, or the city's "finalise"). FINAL and its flow-ons — an agency grading's
// rating with its validity, a fail's integrity record — are written in one transaction. Every step
// checks the evaluation's version and its status in the same UPDATE, so two hands cannot both act.


function findInScope(db: TTx | typeof prisma, actor: TCurrentUser, action: TAction, id: string) {
  return db.evaluation.findFirst({ where: { AND: [evaluationScope(actor, action), { id }] }, select: evaluationSelect });
}

/** The agency an evaluation's outcome goes to: the evaluated agency, or for an appraisal the practitioner's employer. */
const agencyOf = (e: Pick<TEvaluationRow, "organizationId" | "practitioner">) => e.organizationId ?? e.practitioner?.organizationId ?? null;

async function agencyAdmins(tx: TTx, organizationId: string | null) {
  if (!organizationId) return [];
  return tx.user.findMany({ where: { role: "AGENCY_ADMIN", organizationId, disabledAt: null }, select: recipientSelect, orderBy: { createdAt: "asc" } });
}

// ─── Report and publication ──────────────────────────────────────────────────────────────────

/**
 * The body publishes its report (text, and optionally a file) of a SCORED evaluation: refused
 * unless every scorer who is not recused has submitted. The appeal window's last day is
 * appealWorkingDays working days after the day of publication (the city's calendar).
 */
export async function publishReport(input: TPublishReport, file: TScanUpload | null, now = new Date()): Promise<{ evaluationId: string }> {
  const actor = await authorize("evaluations.report");
  const meta = await getRequestMeta();
  const current = await findInScope(prisma, actor, "evaluations.report", input.evaluationId);
  if (!current) throw new DomainError("notFound");
  if (current.status !== "SCORED" || current.scoreHundredths === null || current.grade === null) throw new DomainError("evaluationOutcome.errors.notScored");
  const waiting = await prisma.evaluationScorer.count({ where: { evaluationId: current.id, recusedAt: null, submittedAt: null } });
  if (waiting > 0) throw new DomainError("evaluationOutcome.errors.notScored");
  if (current.version !== input.version) throw new StaleEditError();
  const { appealWorkingDays } = await settings(prisma);
  const appealDeadline = await workingDaysAfter(todayInCity(now), appealWorkingDays);

  const write = async (tx: TTx, fileId: string | null) => {
    const updated = await tx.evaluation.updateMany({
      where: { id: current.id, version: input.version, status: "SCORED" },
      data: { status: "PUBLISHED", report: input.report, reportFileId: fileId, publishedAt: now, appealDeadline, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new StaleEditError();
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "evaluations.publish",
      entity: "Evaluation",
      entityId: current.id,
      before: auditView(current),
      after: { ...auditView({ ...current, status: "PUBLISHED", version: current.version + 1, appealDeadline }), reportFileId: fileId, reportLength: input.report.length },
      meta,
    });
    const agency = agencyOf(current);
    const sent = await notify(tx, await agencyAdmins(tx, agency), {
      kind: "evaluationPublished",
      params: { reference: current.reference, body: current.body.name, subject: current.organization?.name ?? current.practitioner?.name ?? "", deadline: isoDay(appealDeadline) },
      href: () => `/evaluations/${current.id}`,
      dedupeKey: (u) => `evaluationPublished:${current.id}:${u.id}`,
    });
    return sent.emails;
  };
  const emails = file ? await withStoredScan(file, actor.id, (tx, fileId) => write(tx, fileId)) : await prisma.$transaction((tx) => write(tx, null));
  for (const id of emails) await deliver(id);
  return { evaluationId: current.id };
}

// ─── Appeal ──────────────────────────────────────────────────────────────────────────────────

/** The evaluated agency's administrator appeals, once, through the last day of the window. */
export async function fileAppeal(input: TFileAppeal, today = todayInCity()): Promise<{ evaluationId: string }> {
  const actor = await authorize("appeals.file");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const current = await findInScope(tx, actor, "appeals.file", input.evaluationId);
    if (!current) throw new DomainError("notFound");
    if (current.appeal) throw new DomainError("evaluationOutcome.errors.alreadyAppealed");
    if (current.status !== "PUBLISHED") throw new DomainError("evaluationOutcome.errors.notPublished");
    if (!isWindowOpen(current.appealDeadline, today)) throw new DomainError("evaluationOutcome.errors.windowClosed");
    if (current.version !== input.version) throw new StaleEditError();
    const updated = await tx.evaluation.updateMany({ where: { id: current.id, version: input.version, status: "PUBLISHED" }, data: { status: "UNDER_APPEAL", version: { increment: 1 } } });
    if (updated.count !== 1) throw new StaleEditError();
    const appeal = await tx.appeal.create({ data: { evaluationId: current.id, reason: input.reason, filedById: actor.id }, select: { id: true, filedAt: true } });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "appeals.file",
      entity: "Evaluation",
      entityId: current.id,
      before: auditView(current),
      after: { ...auditView({ ...current, status: "UNDER_APPEAL", version: current.version + 1 }), appeal: { id: appeal.id, reason: input.reason } },
      meta,
    });
    return { evaluationId: current.id };
  });
}

/** The city decides an appeal with reasons: upheld with a revised score (the grade follows), or dismissed. Then FINAL. */
export async function decideAppeal(input: TDecideAppeal): Promise<{ evaluationId: string }> {
  const actor = await authorize("appeals.decide");
  const meta = await getRequestMeta();
  const now = new Date();
  const emails = await prisma.$transaction(async (tx) => {
    const current = await findInScope(tx, actor, "appeals.decide", input.evaluationId);
    if (!current) throw new DomainError("notFound");
    if (current.status !== "UNDER_APPEAL" || !current.appeal || current.appeal.decision) throw new DomainError("evaluationOutcome.errors.notUnderAppeal");
    if (current.version !== input.version) throw new StaleEditError();
    const { bands } = await settings(tx);
    const upheld = input.decision === "UPHELD";
    const scoreHundredths = upheld ? input.revisedScoreHundredths! : current.scoreHundredths!;
    const grade = upheld ? gradeOf(scoreHundredths, bands) : current.grade!;
    const decided = await tx.appeal.updateMany({
      where: { id: current.appeal.id, version: current.appeal.version, decision: null },
      data: { decision: input.decision, decisionReason: input.reason, revisedScoreHundredths: upheld ? scoreHundredths : null, decidedAt: now, decidedById: actor.id, version: { increment: 1 } },
    });
    if (decided.count !== 1) throw new StaleEditError();
    const flowOns = await makeFinal(tx, current, { scoreHundredths, grade }, "UNDER_APPEAL", actor.id, now);
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "appeals.decide",
      entity: "Evaluation",
      entityId: current.id,
      before: auditView(current),
      after: { ...auditView({ ...current, status: "FINAL", version: current.version + 1, scoreHundredths, grade }), decision: input.decision, reason: input.reason, ...flowOns },
      meta,
    });
    const sent = await notify(tx, await agencyAdmins(tx, agencyOf(current)), {
      kind: "appealDecided",
      params: { reference: current.reference, subject: current.organization?.name ?? current.practitioner?.name ?? "", decision: input.decision, grade },
      href: () => `/evaluations/${current.id}`,
      dedupeKey: (u) => `appealDecided:${current.id}:${u.id}`,
    });
    return sent.emails;
  });
  for (const id of emails) await deliver(id);
  return { evaluationId: input.evaluationId };
}

/** The city makes a published evaluation FINAL once its window has ended without an appeal. */
export async function finaliseEvaluation(input: TFinaliseEvaluation, today = todayInCity()): Promise<{ evaluationId: string }> {
  const actor = await authorize("appeals.decide");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const current = await findInScope(tx, actor, "appeals.decide", input.evaluationId);
    if (!current) throw new DomainError("notFound");
    if (current.status !== "PUBLISHED") throw new DomainError("evaluationOutcome.errors.notPublished");
    if (isWindowOpen(current.appealDeadline, today)) throw new DomainError("evaluationOutcome.errors.windowOpen");
    if (current.version !== input.version) throw new StaleEditError();
    await finaliseAudited(tx, current, auditActor(actor), meta, new Date());
    return { evaluationId: current.id };
  });
}
