import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { prisma, type TTx } from "@/server/db";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { spotCheckScope } from "@/server/authz/scope";
import { namedSelect } from "@/server/select";
import { can, type TAction } from "@/domain/authz/matrix";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import { drawSample, spotCheckSize } from "@/domain/evaluations/rules";
import { populationIds, populationWhere } from "./population";
import type { TCheckSpotItem, TDrawSpotCheck } from "@/domain/spot-checks/schemas";

// Spot checks (issue 14): the city draws at least PlanTarget.spotCheckPercent % (rounded up) of the
// milestones accepted in a period — Milestone.decidedAt on a day of the period in the city — for a
// document check by an evaluation body. The seed (16 random hex digits unless the city types one)
// is stored with the period, the share and the counts, so drawSample over the same population with
// the same seed gives the same sample: anyone can check the draw again (verifyDraw). The body's
// evaluators mark each sampled milestone passed or failed (a failure with a note).

const DEFAULT_PERCENT = 30;

/** The city's share of a period's accepted milestones a draw takes at least. */
export async function spotCheckPercentSetting(db: TTx | typeof prisma = prisma): Promise<number> {
  const plan = await db.planTarget.findUnique({ where: { id: "city" }, select: { spotCheckPercent: true } });
  return plan?.spotCheckPercent ?? DEFAULT_PERCENT;
}

/** A seed: 8 random bytes as 16 hex digits. */
export const newSeed = () => randomBytes(8).toString("hex");

async function nextReference(tx: TTx, year: number): Promise<string> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('spotCheckDraw.reference'))::text`;
  const rows = await tx.$queryRaw<{ max: number | null }[]>`
    SELECT max(substring(reference from 9)::int) AS max FROM "SpotCheckDraw"
     WHERE reference LIKE ${`CC-${year}-%`} AND substring(reference from 9) ~ '^[0-9]{1,9}$'`;
  return `CC-${year}-${String(Number(rows[0]?.max ?? 0) + 1).padStart(4, "0")}`;
}

/** The city draws a sample of a period's accepted milestones for an evaluation body. */
export async function drawSpotCheck(input: TDrawSpotCheck): Promise<{ id: string; reference: string }> {
  const actor = await authorize("spotChecks.draw");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const setting = await spotCheckPercentSetting(tx);
    const percent = input.percent ?? setting;
    if (percent < setting) throw new DomainError("spotChecks.validation.percentBelowSetting", "percent");
    const body = await tx.organization.findFirst({ where: { id: input.bodyId, kind: "EVALUATION_BODY" }, select: { id: true, name: true } });
    if (!body) throw new DomainError("spotChecks.validation.notEvaluationBody", "bodyId");
    const population = await populationIds(tx, input.periodStart, input.periodEnd);
    if (population.length === 0) throw new DomainError("spotChecks.errors.emptyPopulation");
    const seed = input.seed ?? newSeed();
    const sample = drawSample(population, spotCheckSize(population.length, percent), seed);
    const reference = await nextReference(tx, todayInCity().getUTCFullYear());
    const draw = await tx.spotCheckDraw.create({
      data: {
        reference,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        percent,
        seed,
        populationCount: population.length,
        sampleCount: sample.length,
        bodyId: body.id,
        drawnById: actor.id,
        items: { create: sample.map((milestoneId) => ({ milestoneId })) },
      },
      select: { id: true, reference: true },
    });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "spotChecks.draw",
      entity: "SpotCheckDraw",
      entityId: draw.id,
      after: { reference, periodStart: isoDay(input.periodStart), periodEnd: isoDay(input.periodEnd), percent, seed, bodyId: body.id, populationCount: population.length, sampleCount: sample.length, sample },
      meta,
    });
    return draw;
  });
}

/** The action a reader of spot checks holds: the city draws, an evaluator checks. */
export function spotCheckReadAction(user: TCurrentUser): TAction | null {
  if (can(user, "spotChecks.draw")) return "spotChecks.draw";
  if (can(user, "spotChecks.check")) return "spotChecks.check";
  return null;
}

const readWhere = (user: TCurrentUser): Prisma.SpotCheckDrawWhereInput => {
  const action = spotCheckReadAction(user);
  return action ? spotCheckScope(user, action) : { id: { in: [] } };
};

/** The draws a reader sees, newest first, with how many items are checked. */
export async function listDraws(user: TCurrentUser) {
  const rows = await prisma.spotCheckDraw.findMany({
    where: readWhere(user),
    orderBy: [{ drawnAt: "desc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      reference: true,
      periodStart: true,
      periodEnd: true,
      percent: true,
      populationCount: true,
      sampleCount: true,
      drawnAt: true,
      body: { select: namedSelect },
      items: { select: { status: true } },
    },
  });
  return rows.map(({ items, ...r }) => ({ ...r, checked: items.filter((i) => i.status !== "PENDING").length, failed: items.filter((i) => i.status === "FAILED").length }));
}
export type TDrawListRow = Awaited<ReturnType<typeof listDraws>>[number];

const milestoneSelect = {
  id: true,
  number: true,
  title: true,
  amountFen: true,
  decidedAt: true,
  contract: { select: { id: true, reference: true, call: { select: { title: true } }, organization: { select: namedSelect } } },
} as const;

/** One draw in the reader's scope, with its sampled milestones; null when it is not theirs to see. */
export async function getDraw(user: TCurrentUser, id: string) {
  const draw = await prisma.spotCheckDraw.findFirst({
    where: { AND: [readWhere(user), { id }] },
    select: {
      id: true,
      reference: true,
      periodStart: true,
      periodEnd: true,
      percent: true,
      seed: true,
      populationCount: true,
      sampleCount: true,
      drawnAt: true,
      bodyId: true,
      body: { select: namedSelect },
      items: { select: { id: true, status: true, note: true, checkedAt: true, version: true, milestone: { select: milestoneSelect } } },
    },
  });
  if (!draw) return null;
  const items = [...draw.items].sort((a, b) => a.milestone.contract.reference.localeCompare(b.milestone.contract.reference) || a.milestone.number - b.milestone.number);
  return { ...draw, items };
}
export type TDraw = NonNullable<Awaited<ReturnType<typeof getDraw>>>;

export type TSampleMilestone = { id: string; contractReference: string; number: number; title: string };

/**
 * The draw made again: the stored seed over the period's population as it is now. The sample is the
 * same unless milestones' acceptance in the period changed since the draw; then the milestones
 * accepted since (or no longer accepted in the period) are named.
 */
export async function verifyDraw(draw: Pick<TDraw, "periodStart" | "periodEnd" | "percent" | "seed" | "populationCount" | "drawnAt" | "items">) {
  const population = await populationIds(prisma, draw.periodStart, draw.periodEnd);
  const sample = drawSample(population, spotCheckSize(population.length, draw.percent), draw.seed);
  const stored = new Set(draw.items.map((i) => i.milestone.id));
  const now = new Set(sample);
  const same = sample.length === stored.size && sample.every((id) => stored.has(id));
  const inPopulation = new Set(population);
  const [acceptedSince, noLongerAccepted, sampleRows] = await Promise.all([
    prisma.milestone.findMany({ where: { AND: [populationWhere(draw.periodStart, draw.periodEnd), { decidedAt: { gt: draw.drawnAt } }] }, select: milestoneSelect }),
    prisma.milestone.findMany({ where: { id: { in: [...stored].filter((id) => !inPopulation.has(id)) } }, select: milestoneSelect }),
    prisma.milestone.findMany({ where: { id: { in: sample } }, select: milestoneSelect }),
  ]);
  const label = (m: { id: string; number: number; title: string; contract: { reference: string } }): TSampleMilestone => ({ id: m.id, contractReference: m.contract.reference, number: m.number, title: m.title });
  const order = (a: TSampleMilestone, b: TSampleMilestone) => a.contractReference.localeCompare(b.contractReference) || a.number - b.number;
  return {
    same,
    populationNow: population.length,
    populationThen: draw.populationCount,
    sample: sampleRows.map(label).sort(order),
    onlyThen: draw.items.filter((i) => !now.has(i.milestone.id)).map((i) => label(i.milestone)).sort(order),
    onlyNow: sampleRows.filter((m) => !stored.has(m.id)).map(label).sort(order),
    acceptedSince: acceptedSince.map(label).sort(order),
    noLongerAccepted: noLongerAccepted.map(label).sort(order),
  };
}
export type TDrawVerification = Awaited<ReturnType<typeof verifyDraw>>;

/** The evaluation bodies a draw may be made for. */
export async function evaluationBodies() {
  return prisma.organization.findMany({ where: { kind: "EVALUATION_BODY" }, orderBy: { name: "asc" }, select: namedSelect });
}

/** An evaluator of the draw's body marks a sampled milestone passed, or failed with a note. */
export async function checkSpotItem(input: TCheckSpotItem): Promise<{ drawId: string }> {
  const actor = await authorize("spotChecks.check");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const item = await tx.spotCheckItem.findFirst({
      where: { id: input.itemId, draw: spotCheckScope(actor, "spotChecks.check") },
      select: { id: true, drawId: true, milestoneId: true, status: true, note: true, version: true },
    });
    if (!item) throw new DomainError("notFound");
    if (item.version !== input.version) throw new StaleEditError();
    const note = input.note || null;
    const result = await tx.spotCheckItem.updateMany({
      where: { id: item.id, version: input.version },
      data: { status: input.result, note, checkedById: actor.id, checkedAt: new Date(), version: { increment: 1 } },
    });
    if (result.count !== 1) throw new StaleEditError();
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "spotChecks.check",
      entity: "SpotCheckItem",
      entityId: item.id,
      before: { status: item.status, note: item.note, version: item.version },
      after: { drawId: item.drawId, milestoneId: item.milestoneId, status: input.result, note, version: item.version + 1 },
      meta,
    });
    return { drawId: item.drawId };
  });
}
