import "server-only";
import { prisma, type TTx } from "@/server/db";
import { env } from "@/env";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { evaluationScope } from "@/server/authz/scope";
import { notify, recipientSelect } from "@/server/notifications/notify";
import { deliver } from "@/server/notifications/mailer";
import { idNumberLookupHash } from "@/lib/id-crypto";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import { isValidEvaluationScore } from "@/domain/evaluations/rules";
import { isProjectKind, PANEL_OPEN_STATUSES, type TEvaluationKind } from "@/domain/evaluations/enums";
import type { TAddScorer, TAssignEvaluation, TDeclareRecusal, TLinkPerson, TRetireRubric, TRubricVersion, TScoreSheet } from "@/domain/evaluations/schemas";
import { employmentConflict, panelSettings, recusalAgency, settlePanel } from "./panel";

// Rubrics, assignment, the panel (with recusal) and the scoring sheets. Every write to one
// evaluation locks its row first (SELECT … FOR UPDATE), so the last two sheets submitted at the
// same time cannot both miss being last: the panel is settled once, under the lock.

// ─── Rubrics ───────────────────────────────────────────────────────────────────────────────

/** The kind's current rubric: the newest version not retired. */
export function currentRubric(db: TTx | typeof prisma, kind: TEvaluationKind) {
  return db.rubric.findFirst({ where: { kind, retiredAt: null }, orderBy: { version: "desc" }, select: { id: true, version: true, name: true } });
}

/** A new version of a kind's rubric (version = the newest + 1); stale when another was written since the form was drawn. */
export async function createRubricVersion(input: TRubricVersion) {
  const actor = await authorize("rubrics.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`rubric.${input.kind}`}))::text`;
    const newest = await tx.rubric.findFirst({ where: { kind: input.kind }, orderBy: { version: "desc" }, select: { version: true } });
    if ((newest?.version ?? 0) !== input.basedOn) throw new StaleEditError();
    const rubric = await tx.rubric.create({
      data: {
        kind: input.kind,
        version: input.basedOn + 1,
        name: input.name,
        createdById: actor.id,
        criteria: { create: input.criteria.map((c, i) => ({ number: i + 1, name: c.name, weight: c.weight, descriptor: c.descriptor })) },
      },
      select: { id: true, kind: true, version: true, name: true },
    });
    await recordAudit(tx, { actor: auditActor(actor), action: "evaluations.rubricCreate", entity: "Rubric", entityId: rubric.id, before: null, after: { ...rubric, criteria: input.criteria }, meta });
    return rubric;
  });
}

/** Retires a rubric version: no new assignment uses it; evaluations assigned with it keep it. */
export async function retireRubric(input: TRetireRubric) {
  const actor = await authorize("rubrics.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const rubric = await tx.rubric.findUnique({ where: { id: input.rubricId }, select: { id: true, kind: true, version: true, retiredAt: true } });
    if (!rubric) throw new DomainError("evaluations.errors.rubricNotFound");
    if (rubric.retiredAt) throw new DomainError("evaluations.errors.rubricRetired");
    const retiredAt = new Date();
    const done = await tx.rubric.updateMany({ where: { id: rubric.id, retiredAt: null }, data: { retiredAt } });
    if (done.count !== 1) throw new StaleEditError();
    await recordAudit(tx, { actor: auditActor(actor), action: "evaluations.rubricRetire", entity: "Rubric", entityId: rubric.id, before: { retiredAt: null }, after: { kind: rubric.kind, version: rubric.version, retiredAt }, meta });
    return { id: rubric.id, kind: rubric.kind };
  });
}

// ─── Assignment ────────────────────────────────────────────────────────────────────────────

/** The next evaluation reference of the year (PG-2027-0001), under a lock so two never share one. */
async function nextReference(tx: TTx, year: number): Promise<string> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('evaluation.reference'))::text`;
  // "PG-2027-" is 8 characters: the sequence starts at the 9th.
  const rows = await tx.$queryRaw<{ max: number | null }[]>`
    SELECT max(substring(reference from 9)::int) AS max FROM "Evaluation"
     WHERE reference LIKE ${`PG-${year}-%`} AND substring(reference from 9) ~ '^[0-9]{1,9}$'`;
  return `PG-${year}-${String(Number(rows[0]?.max ?? 0) + 1).padStart(4, "0")}`;
}

/** An EVALUATOR of the body, enabled; anyone else is refused (the field says which form field). */
async function evaluatorOfBody(tx: TTx, userId: string, bodyId: string, field: string | null) {
  const user = await tx.user.findFirst({ where: { id: userId, disabledAt: null }, select: { id: true, role: true, organizationId: true, personPractitionerId: true, name: true } });
  if (!user || user.role !== "EVALUATOR" || user.organizationId !== bodyId) {
    if (field) throw new DomainError("evaluations.validation.scorerNotOfBody", field);
    throw new DomainError("evaluations.errors.scorerNotOfBody");
  }
  return user;
}

type TSeatTarget = { id: string; reference: string; kind: TEvaluationKind; organizationId: string | null; practitionerId: string | null; dueDate: Date };

/** Seats a scorer: recused at once when their employment history conflicts with the evaluated agency. */
async function seatScorer(tx: TTx, evaluation: TSeatTarget, user: { id: string; personPractitionerId: string | null }, recusalYears: number) {
  const agencyId = await recusalAgency(tx, evaluation);
  const conflict = await employmentConflict(tx, user.personPractitionerId, { agencyId, practitionerId: evaluation.practitionerId }, recusalYears);
  return tx.evaluationScorer.create({
    data: { evaluationId: evaluation.id, userId: user.id, ...(conflict ? { recusedAt: new Date(), recusalReason: "EMPLOYMENT" as const } : {}) },
    select: { id: true, userId: true, recusedAt: true, recusalReason: true },
  });
}

/** What the scorers' notification names: the agency, or the practitioner appraised. */
async function targetName(tx: TTx, evaluation: { organizationId: string | null; practitionerId: string | null }) {
  if (evaluation.practitionerId) return (await tx.practitioner.findUnique({ where: { id: evaluation.practitionerId }, select: { name: true } }))?.name ?? "";
  if (evaluation.organizationId) return (await tx.organization.findUnique({ where: { id: evaluation.organizationId }, select: { name: true } }))?.name ?? "";
  return "";
}

/** Tells the scorers who are not recused that they have a sheet to fill in. */
async function notifyScorers(tx: TTx, evaluation: TSeatTarget, userIds: string[]) {
  if (userIds.length === 0) return [];
  const users = await tx.user.findMany({ where: { id: { in: userIds }, disabledAt: null }, select: recipientSelect });
  const sent = await notify(tx, users, {
    kind: "evaluationAssigned",
    params: { reference: evaluation.reference, kind: evaluation.kind, target: await targetName(tx, evaluation), due: isoDay(evaluation.dueDate) },
    href: () => `/evaluations/${evaluation.id}`,
    dedupeKey: (u) => `evaluationAssigned:${evaluation.id}:${u.id}`,
  });
  return sent.emails;
}

/**
 * The city assigns an evaluation to a body with its panel: the rubric is the kind's current
 * version; every scorer must be an EVALUATOR of the body (else refused, nothing written); a scorer
 * whose employment history conflicts is recused at once. ASSIGNED until enough scorers are not
 * recused, then SCORING. The scorers who may score are notified.
 */
export async function assignEvaluation(input: TAssignEvaluation) {
  const actor = await authorize("evaluations.assign");
  const meta = await getRequestMeta();
  const result = await prisma.$transaction(async (tx) => {
    const body = await tx.organization.findFirst({ where: { id: input.bodyId, kind: "EVALUATION_BODY" }, select: { id: true, name: true } });
    if (!body) throw new DomainError("evaluations.errors.bodyNotFound");
    const rubric = await currentRubric(tx, input.kind);
    if (!rubric) throw new DomainError("evaluations.errors.noRubric");

    let organizationId: string | null = null;
    let contractId: string | null = null;
    let practitionerId: string | null = null;
    if (isProjectKind(input.kind)) {
      const contract = await tx.contract.findUnique({ where: { id: input.contractId ?? "" }, select: { id: true, organizationId: true } });
      if (!contract) throw new DomainError("evaluations.errors.targetNotFound");
      contractId = contract.id;
      organizationId = contract.organizationId;
    } else if (input.kind === "AGENCY_GRADING") {
      const agency = await tx.organization.findFirst({ where: { id: input.organizationId ?? "", kind: "AGENCY" }, select: { id: true } });
      if (!agency) throw new DomainError("evaluations.errors.targetNotFound");
      organizationId = agency.id;
    } else {
      const hash = idNumberLookupHash(env.ID_ENCRYPTION_KEY, input.practitionerIdNumber ?? "");
      const person = await tx.practitioner.findUnique({ where: { idNumberHash: hash }, select: { id: true } });
      if (!person) throw new DomainError("evaluations.errors.personNotFound");
      practitionerId = person.id;
    }

    const ids = [...new Set(input.scorerIds)];
    const users = [];
    for (const id of ids) users.push(await evaluatorOfBody(tx, id, body.id, "scorerIds"));

    const evaluation = await tx.evaluation.create({
      data: {
        reference: await nextReference(tx, todayInCity().getUTCFullYear()),
        kind: input.kind,
        rubricId: rubric.id,
        bodyId: body.id,
        contractId,
        organizationId,
        practitionerId,
        track: input.kind === "PERSONAL_APPRAISAL" ? input.track : null,
        year: input.year,
        dueDate: input.dueDate,
        assignedById: actor.id,
      },
      select: { id: true, reference: true, kind: true, organizationId: true, practitionerId: true, dueDate: true },
    });
    const settings = await panelSettings(tx);
    const seats = [];
    for (const u of users) seats.push(await seatScorer(tx, evaluation, u, settings.recusalYears));
    const settled = await settlePanel(tx, evaluation.id);
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "evaluations.assign",
      entity: "Evaluation",
      entityId: evaluation.id,
      before: null,
      after: { ...evaluation, bodyId: body.id, rubricId: rubric.id, rubricVersion: rubric.version, contractId, status: settled.status, scorers: seats },
      meta,
    });
    const emails = await notifyScorers(tx, evaluation, seats.filter((s) => !s.recusedAt).map((s) => s.userId));
    return { id: evaluation.id, reference: evaluation.reference, status: settled.status, emails };
  });
  for (const id of result.emails) await deliver(id);
  return { id: result.id, reference: result.reference, status: result.status };
}

// ─── Panel ─────────────────────────────────────────────────────────────────────────────────

/** Locks the evaluation's row and reads it; the caller has checked it may reach it. */
async function lockEvaluation(tx: TTx, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Evaluation" WHERE "id" = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new DomainError("evaluations.errors.notFound");
  return tx.evaluation.findUniqueOrThrow({ where: { id }, select: { id: true, reference: true, kind: true, status: true, bodyId: true, organizationId: true, practitionerId: true, dueDate: true, version: true, rubricId: true } });
}

async function scopedId(tx: TTx, actor: TCurrentUser, id: string, permission: "evaluations.assign" | "evaluations.score") {
  const found = await tx.evaluation.findFirst({ where: { AND: [{ id }, evaluationScope(actor, permission)] }, select: { id: true } });
  if (!found) throw new DomainError("evaluations.errors.notFound");
  return found.id;
}

/** The city adds a scorer of the body while the panel is open (ASSIGNED or SCORING). */
export async function addScorer(input: TAddScorer) {
  const actor = await authorize("evaluations.assign");
  const meta = await getRequestMeta();
  const result = await prisma.$transaction(async (tx) => {
    const evaluation = await lockEvaluation(tx, await scopedId(tx, actor, input.evaluationId, "evaluations.assign"));
    if (evaluation.version !== input.version) throw new StaleEditError();
    if (!PANEL_OPEN_STATUSES.includes(evaluation.status)) throw new DomainError("evaluations.errors.panelClosed");
    const user = await evaluatorOfBody(tx, input.userId, evaluation.bodyId, "userId");
    if (await tx.evaluationScorer.findUnique({ where: { evaluationId_userId: { evaluationId: evaluation.id, userId: user.id } }, select: { id: true } })) throw new DomainError("evaluations.errors.alreadyOnPanel");
    const seat = await seatScorer(tx, evaluation, user, (await panelSettings(tx)).recusalYears);
    const settled = await settlePanel(tx, evaluation.id);
    if (settled.status === evaluation.status) await tx.evaluation.update({ where: { id: evaluation.id }, data: { version: { increment: 1 } } });
    await recordAudit(tx, { actor: auditActor(actor), action: "evaluations.addScorer", entity: "EvaluationScorer", entityId: seat.id, before: { status: evaluation.status }, after: { ...seat, evaluationId: evaluation.id, status: settled.status }, meta });
    const emails = seat.recusedAt ? [] : await notifyScorers(tx, evaluation, [user.id]);
    return { seat, emails };
  });
  for (const id of result.emails) await deliver(id);
  return result.seat;
}

/** The caller's seat on an evaluation of their body. */
async function mySeat(tx: TTx, actor: TCurrentUser, evaluationId: string) {
  const id = await scopedId(tx, actor, evaluationId, "evaluations.score");
  const seat = await tx.evaluationScorer.findUnique({ where: { evaluationId_userId: { evaluationId: id, userId: actor.id } }, select: { id: true, recusedAt: true, submittedAt: true } });
  if (!seat) throw new DomainError("evaluations.errors.notOnPanel");
  return { evaluationId: id, seat };
}

/**
 * A scorer declares a conflict of interest (with a note) before submitting: recused, kept on
 * record; a panel that drops below the minimum goes back to ASSIGNED.
 */
export async function declareRecusal(input: TDeclareRecusal) {
  const actor = await authorize("evaluations.score");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const { evaluationId, seat } = await mySeat(tx, actor, input.evaluationId);
    const evaluation = await lockEvaluation(tx, evaluationId);
    if (!PANEL_OPEN_STATUSES.includes(evaluation.status)) throw new DomainError("evaluations.errors.panelClosed");
    const fresh = await tx.evaluationScorer.findUniqueOrThrow({ where: { id: seat.id }, select: { recusedAt: true, submittedAt: true } });
    if (fresh.recusedAt) throw new DomainError("evaluations.errors.recused");
    if (fresh.submittedAt) throw new DomainError("evaluations.errors.alreadySubmitted");
    const now = new Date();
    const after = { recusedAt: now, recusalReason: "DECLARED" as const, recusalNote: input.note, declaredAt: now };
    await tx.evaluationScorer.update({ where: { id: seat.id }, data: after });
    const settled = await settlePanel(tx, evaluation.id);
    await recordAudit(tx, { actor: auditActor(actor), action: "evaluations.declare", entity: "EvaluationScorer", entityId: seat.id, before: { recusedAt: null, status: evaluation.status }, after: { ...after, status: settled.status }, meta });
    return { status: settled.status };
  });
}

// ─── Scoring sheet ─────────────────────────────────────────────────────────────────────────

/**
 * A scorer's sheet: integers 0–100 per criterion of the evaluation's rubric. Saved as a draft
 * (blanks allowed, and cleared), or submitted: complete only, and final. The last sheet submitted
 * settles the panel (SCORED, with the result). A recused scorer scores nothing; anything out of
 * range or missing on submit is refused with nothing written.
 */
export async function saveSheet(input: TScoreSheet) {
  const actor = await authorize("evaluations.score");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const { evaluationId, seat } = await mySeat(tx, actor, input.evaluationId);
    const evaluation = await lockEvaluation(tx, evaluationId);
    const fresh = await tx.evaluationScorer.findUniqueOrThrow({ where: { id: seat.id }, select: { recusedAt: true, submittedAt: true } });
    if (fresh.recusedAt) throw new DomainError("evaluations.errors.recused");
    if (fresh.submittedAt) throw new DomainError("evaluations.errors.alreadySubmitted");
    if (!PANEL_OPEN_STATUSES.includes(evaluation.status)) throw new DomainError("evaluations.errors.panelClosed");
    const criteria = await tx.rubricCriterion.findMany({ where: { rubricId: evaluation.rubricId }, orderBy: { number: "asc" }, select: { id: true } });
    const known = new Set(criteria.map((c) => c.id));
    for (const key of Object.keys(input.score)) if (!known.has(key)) throw new DomainError("invalid", `score.${key}`);
    for (const c of criteria) {
      const value = input.score[c.id] ?? null;
      if (value === null) {
        if (input.intent === "submit") throw new DomainError("evaluations.validation.scoreMissing", `score.${c.id}`);
      } else if (!isValidEvaluationScore(value)) throw new DomainError("evaluations.validation.scoreRange", `score.${c.id}`);
    }
    const before = await tx.evaluationScore.findMany({ where: { scorerId: seat.id }, select: { criterionId: true, score: true } });
    for (const c of criteria) {
      const score = input.score[c.id] ?? null;
      if (score === null) await tx.evaluationScore.deleteMany({ where: { scorerId: seat.id, criterionId: c.id } });
      else await tx.evaluationScore.upsert({ where: { scorerId_criterionId: { scorerId: seat.id, criterionId: c.id } }, create: { scorerId: seat.id, criterionId: c.id, score }, update: { score } });
    }
    const submitted = input.intent === "submit";
    if (submitted) await tx.evaluationScorer.update({ where: { id: seat.id }, data: { submittedAt: new Date() } });
    const settled = submitted ? await settlePanel(tx, evaluation.id) : { status: evaluation.status };
    const after = criteria.filter((c) => (input.score[c.id] ?? null) !== null).map((c) => ({ criterionId: c.id, score: input.score[c.id]! }));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: submitted ? "evaluations.submitSheet" : "evaluations.saveSheet",
      entity: "EvaluationScorer",
      entityId: seat.id,
      before: before.length ? { scores: before } : null,
      after: { evaluationId: evaluation.id, scores: after, submitted, status: settled.status },
      meta,
    });
    return { status: settled.status, submitted };
  });
}

// ─── An evaluator's own register entry ─────────────────────────────────────────────────────

/**
 * Links an EVALUATOR's account to their own register entry (found by ID number), which the panel
 * reads for recusal; a blank ID number unlinks. Other roles are refused.
 */
export async function linkPersonPractitioner(input: TLinkPerson) {
  const actor = await authorize("users.update");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, role: true, personPractitionerId: true } });
    if (!user) throw new DomainError("notFound");
    if (user.role !== "EVALUATOR") throw new DomainError("evaluations.errors.userNotEvaluator");
    let personId: string | null = null;
    if (input.idNumber) {
      const person = await tx.practitioner.findUnique({ where: { idNumberHash: idNumberLookupHash(env.ID_ENCRYPTION_KEY, input.idNumber) }, select: { id: true } });
      if (!person) throw new DomainError("evaluations.errors.personNotFound");
      personId = person.id;
    }
    await tx.user.update({ where: { id: user.id }, data: { personPractitionerId: personId } });
    await recordAudit(tx, { actor: auditActor(actor), action: "evaluations.linkPerson", entity: "User", entityId: user.id, before: { personPractitionerId: user.personPractitionerId }, after: { personPractitionerId: personId }, meta });
    return { id: user.id, personPractitionerId: personId };
  });
}
