import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import type { TCurrentUser } from "@/server/auth/session";
import { evaluationScope } from "@/server/authz/scope";
import { can } from "@/domain/authz/matrix";
import { sheetHundredths } from "@/domain/evaluations/rules";
import { EVALUATION_KINDS, PANEL_OPEN_STATUSES, type TEvaluationKind } from "@/domain/evaluations/enums";
import type { TEvaluationListFilter } from "@/domain/evaluations/schemas";
import { toPage } from "@/lib/pagination";

// What the rubric and evaluation pages read. Every evaluation query runs through evaluationScope;
// other scorers' scores are read only once the panel has SCORED, and only for the city and the body.

import { namedSelect as named } from "@/server/select";

// ─── Rubrics ───────────────────────────────────────────────────────────────────────────────

/** Every kind's versions, newest first; `current` marks the newest not retired. */
export async function listRubrics() {
  const rows = await prisma.rubric.findMany({
    orderBy: [{ kind: "asc" }, { version: "desc" }],
    select: { id: true, kind: true, version: true, name: true, activeFrom: true, retiredAt: true, _count: { select: { criteria: true, evaluations: true } } },
  });
  return EVALUATION_KINDS.map((kind) => {
    const versions = rows.filter((r) => r.kind === kind);
    const current = versions.find((v) => !v.retiredAt)?.id ?? null;
    return { kind, current, newest: versions[0]?.version ?? 0, versions };
  });
}

export async function getRubric(id: string) {
  const rubric = await prisma.rubric.findUnique({
    where: { id },
    select: { id: true, kind: true, version: true, name: true, activeFrom: true, retiredAt: true, criteria: { orderBy: { number: "asc" }, select: { id: true, number: true, name: true, weight: true, descriptor: true } }, _count: { select: { evaluations: true } } },
  });
  if (!rubric) return null;
  const current = await prisma.rubric.findFirst({ where: { kind: rubric.kind, retiredAt: null }, orderBy: { version: "desc" }, select: { id: true } });
  return { ...rubric, isCurrent: current?.id === rubric.id };
}

/** What a new version starts from: the kind's current version (or the newest), and the newest version number. */
export async function rubricDraft(kind: TEvaluationKind) {
  const newest = await prisma.rubric.findFirst({ where: { kind }, orderBy: { version: "desc" }, select: { version: true } });
  const from =
    (await prisma.rubric.findFirst({ where: { kind, retiredAt: null }, orderBy: { version: "desc" }, select: { name: true, criteria: { orderBy: { number: "asc" }, select: { name: true, weight: true, descriptor: true } } } })) ??
    (await prisma.rubric.findFirst({ where: { kind }, orderBy: { version: "desc" }, select: { name: true, criteria: { orderBy: { number: "asc" }, select: { name: true, weight: true, descriptor: true } } } }));
  return { basedOn: newest?.version ?? 0, name: from?.name ?? "", criteria: from?.criteria ?? [] };
}

// ─── Evaluations ───────────────────────────────────────────────────────────────────────────

export const EVALUATIONS_PAGE_SIZE = 20;

const listSelect = {
  id: true,
  reference: true,
  kind: true,
  status: true,
  year: true,
  dueDate: true,
  track: true,
  body: { select: named },
  organization: { select: named },
  practitioner: { select: { id: true, name: true } },
  contract: { select: { id: true, reference: true } },
  scorers: { select: { userId: true, recusedAt: true, submittedAt: true } },
} satisfies Prisma.EvaluationSelect;

/** The evaluations in the caller's scope; `mine`: those waiting for the caller's sheet. */
export async function listEvaluations(user: TCurrentUser, filter: TEvaluationListFilter, page: number) {
  const and: Prisma.EvaluationWhereInput[] = [evaluationScope(user, "evaluations.read")];
  if (filter.status) and.push({ status: filter.status });
  if (filter.kind) and.push({ kind: filter.kind });
  if (filter.mine) and.push({ status: { in: [...PANEL_OPEN_STATUSES] }, scorers: { some: { userId: user.id, recusedAt: null, submittedAt: null } } });
  const where = { AND: and };
  const [items, total] = await Promise.all([
    prisma.evaluation.findMany({ where, orderBy: [{ dueDate: "asc" }, { reference: "desc" }], skip: (page - 1) * EVALUATIONS_PAGE_SIZE, take: EVALUATIONS_PAGE_SIZE, select: listSelect }),
    prisma.evaluation.count({ where }),
  ]);
  return toPage(
    items.map(({ scorers, ...e }) => {
      const active = scorers.filter((s) => !s.recusedAt);
      const seat = scorers.find((s) => s.userId === user.id);
      return { ...e, scorers: active.length, submitted: active.filter((s) => s.submittedAt).length, mySeat: seat ? { recused: !!seat.recusedAt, submitted: !!seat.submittedAt } : null };
    }),
    total,
    page,
    EVALUATIONS_PAGE_SIZE,
  );
}

/**
 * One evaluation in the caller's scope, or null. Scores: the caller's own sheet (a scorer), and
 * every sheet only once the panel has SCORED, for the city and the evaluation body; before that
 * only who has submitted.
 */
export async function getEvaluation(user: TCurrentUser, id: string) {
  const evaluation = await prisma.evaluation.findFirst({
    where: { AND: [{ id }, evaluationScope(user, "evaluations.read")] },
    select: {
      id: true,
      reference: true,
      kind: true,
      status: true,
      year: true,
      dueDate: true,
      track: true,
      version: true,
      createdAt: true,
      scoreHundredths: true,
      spreadHundredths: true,
      grade: true,
      bodyId: true,
      body: { select: named },
      organization: { select: named },
      practitioner: { select: { id: true, name: true, idNumberMasked: true } },
      contract: { select: { id: true, reference: true, call: { select: { title: true } } } },
      rubric: { select: { id: true, version: true, name: true, criteria: { orderBy: { number: "asc" }, select: { id: true, number: true, name: true, weight: true, descriptor: true } } } },
      scorers: {
        orderBy: { createdAt: "asc" },
        select: { id: true, userId: true, recusedAt: true, recusalReason: true, recusalNote: true, submittedAt: true, user: { select: { name: true, email: true } } },
      },
    },
  });
  if (!evaluation) return null;
  const seat = evaluation.scorers.find((s) => s.userId === user.id) ?? null;
  const ownBody = user.role === "EVALUATOR" && user.organizationId === evaluation.bodyId;
  const revealed = !PANEL_OPEN_STATUSES.includes(evaluation.status) && evaluation.status !== "CANCELLED" && (can(user, "evaluations.assign") || ownBody);
  // Whose scores are read: every sheet when revealed, else the caller's own only.
  const readable = revealed ? evaluation.scorers.map((s) => s.id) : seat ? [seat.id] : [];
  const scores = readable.length ? await prisma.evaluationScore.findMany({ where: { scorerId: { in: readable } }, select: { scorerId: true, criterionId: true, score: true } }) : [];
  const sheetOf = (scorerId: string) => new Map(scores.filter((s) => s.scorerId === scorerId).map((s) => [s.criterionId, s.score]));
  const weights = evaluation.rubric.criteria.map((c) => ({ id: c.id, weight: c.weight }));
  // The evaluated side (the agency, the practitioner) never reads who sits on the panel: from
  // publication on, the outcome shows each scorer's total anonymised (part B).
  const evaluatedSide = user.role === "AGENCY_ADMIN" || user.role === "PRACTITIONER";
  return {
    ...evaluation,
    scorers: evaluatedSide ? [] : evaluation.scorers,
    seat,
    mySheet: seat ? sheetOf(seat.id) : null,
    /** Every scorer's sheet and total, once revealed; null before. */
    sheets: revealed
      ? evaluation.scorers.filter((s) => !s.recusedAt).map((s) => ({ scorerId: s.id, name: s.user.name, scores: sheetOf(s.id), total: sheetHundredths(weights, sheetOf(s.id)) }))
      : null,
    access: { assign: can(user, "evaluations.assign"), score: !!seat && can(user, "evaluations.score"), ownBody, panel: !evaluatedSide },
  };
}

/** Who the city may still add to an evaluation's panel: the body's enabled evaluators not on it. */
export async function scorerCandidates(evaluation: { id: string; bodyId: string }) {
  return prisma.user.findMany({
    where: { role: "EVALUATOR", organizationId: evaluation.bodyId, disabledAt: null, evaluationSeats: { none: { evaluationId: evaluation.id } } },
    orderBy: { name: "asc" },
    take: 500,
    select: { id: true, name: true, email: true },
  });
}

/** What the assignment form offers: the bodies with their evaluators, contracts, agencies, and whether each kind has a rubric. */
export async function assignmentOptions() {
  const [bodies, contracts, agencies, rubrics] = await Promise.all([
    prisma.organization.findMany({
      where: { kind: "EVALUATION_BODY" },
      orderBy: { name: "asc" },
      select: { ...named, users: { where: { role: "EVALUATOR", disabledAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } } },
    }),
    prisma.contract.findMany({ orderBy: { reference: "desc" }, take: 500, select: { id: true, reference: true, call: { select: { title: true } }, organization: { select: named } } }),
    prisma.organization.findMany({ where: { kind: "AGENCY" }, orderBy: { name: "asc" }, take: 1000, select: named }),
    prisma.rubric.findMany({ where: { retiredAt: null }, distinct: ["kind"], orderBy: [{ kind: "asc" }, { version: "desc" }], select: { kind: true, version: true, name: true } }),
  ]);
  return { bodies, contracts, agencies, rubrics };
}

/** An evaluator's linked register entry, for the user admin page. */
export async function personLink(userId: string) {
  return prisma.user.findUnique({ where: { id: userId }, select: { id: true, role: true, personPractitioner: { select: { id: true, name: true, idNumberMasked: true, organization: { select: named } } } } });
}
