import "server-only";
import { postParticularsSelect } from "./select";
import type { Prisma } from "@/generated/prisma/client";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { meetsLevel } from "@/domain/practitioners/qualification";
import { organizationScope, postScope, practitionerScope } from "@/server/authz/scope";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { todayInCity } from "@/domain/common/calendar-day";
import { requiredHeadcount } from "@/domain/posts/post-maths";
import { orgFitsPostKind } from "@/domain/posts/rules";
import type { TAssignPractitioner, TClosePost, TCreatePost, TEndAssignment, TUpdatePost } from "@/domain/posts/schemas";
import { postFillRows } from "./fill";

// Posts (plan.md P1, P2): create, edit and close; assign practitioners and end assignments.
// Every mutation: posts.manage, the post (or organisation) looked up INSIDE the caller's scope,
// one transaction with its audit event. Assignment history is never deleted.

const auditSelect = { ...postParticularsSelect, regionId: true } satisfies Prisma.PostSelect;

const snapshot = (tx: TTx, id: string) => tx.post.findUniqueOrThrow({ where: { id }, select: auditSelect });

/**
 * The organisation must lie in the caller's manage scope (a department officer: their own
 * department) and be of a kind that holds this kind of post; its region is copied to the post.
 */
async function postOrganization(tx: TTx, user: TCurrentUser, kind: "DEPARTMENT" | "RATIO", organizationId: string) {
  const org = await tx.organization.findFirst({
    where: { AND: [organizationScope(user, "posts.manage"), { id: organizationId }] },
    select: { id: true, kind: true, regionId: true, region: { select: { path: true } } },
  });
  if (!org) throw new DomainError("employerNotAllowed", "organizationId");
  if (!orgFitsPostKind(kind, org.kind)) throw new DomainError("posts.validation.orgKind", "organizationId");
  return { regionId: org.regionId, regionPath: org.region.path };
}

function shapeData(input: TCreatePost | TUpdatePost) {
  const common = {
    title: input.title,
    organizationId: input.organizationId,
    practiceField: input.practiceField,
    requiredQualification: input.requiredQualification,
    description: input.description,
  };
  if (input.kind === "DEPARTMENT") {
    return { ...common, headcount: input.headcount, ratioBasis: null, basisCount: null, ratioPerWorker: null, requiredHeadcount: requiredHeadcount({ kind: "DEPARTMENT", headcount: input.headcount }) };
  }
  return {
    ...common,
    headcount: null,
    ratioBasis: input.ratioBasis,
    basisCount: input.basisCount,
    ratioPerWorker: input.ratioPerWorker,
    requiredHeadcount: requiredHeadcount({ kind: "RATIO", basisCount: input.basisCount, ratioPerWorker: input.ratioPerWorker }),
  };
}

const isClosed = (closedOn: Date | null, day: Date) => closedOn !== null && closedOn.getTime() <= day.getTime();

/** Serialises changes to one post's holders (two officers assigning the same person at once). */
async function lockPost(tx: TTx, id: string) {
  await tx.$queryRaw`SELECT id FROM "Post" WHERE id = ${id} FOR UPDATE`;
}

export async function createPost(input: TCreatePost) {
  const actor = await authorize("posts.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const region = await postOrganization(tx, actor, input.kind, input.organizationId);
    const created = await tx.post.create({ data: { kind: input.kind, ...shapeData(input), ...region }, select: { id: true } });
    const after = await snapshot(tx, created.id);
    await recordAudit(tx, { actor: auditActor(actor), action: "posts.create", entity: "Post", entityId: created.id, before: null, after, meta });
    return { id: created.id };
  });
}

export async function updatePost(input: TUpdatePost) {
  const actor = await authorize("posts.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const current = await tx.post.findFirst({ where: { AND: [postScope(actor, "posts.manage"), { id: input.id }] }, select: { id: true, kind: true, version: true, closedOn: true } });
    if (!current) throw new DomainError("notFound");
    if (current.version !== input.version) throw new StaleEditError();
    if (isClosed(current.closedOn, todayInCity())) throw new DomainError("posts.errors.closed");
    if (current.kind !== input.kind) throw new DomainError("invalid", "kind");
    // Checked even when unchanged: the organisation may have moved out of the caller's scope.
    const region = await postOrganization(tx, actor, input.kind, input.organizationId);
    const before = await snapshot(tx, input.id);
    const result = await tx.post.updateMany({ where: { id: input.id, version: input.version }, data: { ...shapeData(input), ...region, version: { increment: 1 } } });
    if (result.count !== 1) throw new StaleEditError();
    const after = await snapshot(tx, input.id);
    await recordAudit(tx, { actor: auditActor(actor), action: "posts.update", entity: "Post", entityId: input.id, before, after, meta });
    return { id: input.id };
  });
}

/**
 * Closes a post from `closedOn` (not later than today). Holders still on it are ended on that
 * day, so no assignment outlives its post; one that would only start later blocks the closing.
 */
export async function closePost(input: TClosePost) {
  const actor = await authorize("posts.manage");
  const meta = await getRequestMeta();
  const today = todayInCity();
  if (input.closedOn.getTime() > today.getTime()) throw new DomainError("dateInFuture", "closedOn");
  return prisma.$transaction(async (tx) => {
    const current = await tx.post.findFirst({ where: { AND: [postScope(actor, "posts.manage"), { id: input.id }] }, select: { id: true, version: true, closedOn: true } });
    if (!current) throw new DomainError("notFound");
    if (current.version !== input.version) throw new StaleEditError();
    if (current.closedOn) throw new DomainError("posts.errors.closed");
    await lockPost(tx, input.id);
    // Still running after the closing day. One starting after it blocks the closing, unless it was
    // called off (ended on its first day: an empty period, which nobody ever held).
    const open = await tx.postAssignment.findMany({ where: { postId: input.id, OR: [{ to: null }, { to: { gt: input.closedOn } }] }, select: { id: true, from: true, to: true } });
    const startsLater = open.filter((a) => a.from.getTime() > input.closedOn.getTime() && (a.to === null || a.to.getTime() > a.from.getTime()));
    if (startsLater.length > 0) throw new DomainError("posts.validation.closedBeforeAssignment", "closedOn");
    const toEnd = open.filter((a) => a.from.getTime() <= input.closedOn.getTime()).map((a) => a.id);
    const before = await snapshot(tx, input.id);
    const result = await tx.post.updateMany({ where: { id: input.id, version: input.version }, data: { closedOn: input.closedOn, version: { increment: 1 } } });
    if (result.count !== 1) throw new StaleEditError();
    const ended = await tx.postAssignment.updateMany({ where: { id: { in: toEnd } }, data: { to: input.closedOn, endedById: actor.id } });
    const after = await snapshot(tx, input.id);
    await recordAudit(tx, { actor: auditActor(actor), action: "posts.close", entity: "Post", entityId: input.id, before, after: { ...after, assignmentsEnded: ended.count }, meta });
    return { id: input.id, assignmentsEnded: ended.count };
  });
}

/**
 * Assigns a practitioner the caller may read (and who is active) to a post from `from`.
 * Refused: the same person already holding (or due to hold) this post. Allowed with a warning:
 * a post already full — a handover often overlaps, and the fill rate shows the over-filling; and a
 * holder whose qualification is below the post's requirement (the post page keeps flagging it).
 */
export async function assignPractitioner(input: TAssignPractitioner) {
  const actor = await authorize("posts.manage");
  const meta = await getRequestMeta();
  const today = todayInCity();
  return prisma.$transaction(async (tx) => {
    const post = await tx.post.findFirst({ where: { AND: [postScope(actor, "posts.manage"), { id: input.postId }] }, select: { id: true, closedOn: true, requiredHeadcount: true, requiredQualification: true } });
    if (!post) throw new DomainError("notFound");
    if (post.closedOn) throw new DomainError("posts.errors.closed");
    await lockPost(tx, post.id);
    const person = await tx.practitioner.findFirst({
      where: { AND: [practitionerScope(actor, "practitioners.read"), { id: input.practitionerId, status: "ACTIVE" }] },
      select: { id: true, name: true, qualificationLevel: true },
    });
    if (!person) throw new DomainError("posts.validation.practitionerNotAllowed", "practitionerId");
    const overlapping = await tx.postAssignment.count({ where: { postId: post.id, practitionerId: person.id, OR: [{ to: null }, { to: { gt: input.from } }] } });
    if (overlapping > 0) throw new DomainError("posts.validation.alreadyHolding", "practitionerId");
    const [fill] = await postFillRows({ id: post.id }, today, tx);
    const wasFull = !!fill && fill.filled >= fill.required;
    const belowRequirement = !meetsLevel(person.qualificationLevel, post.requiredQualification);
    const created = await tx.postAssignment.create({
      data: { postId: post.id, practitionerId: person.id, from: input.from, note: input.note, createdById: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "posts.assign",
      entity: "PostAssignment",
      entityId: created.id,
      before: null,
      after: { postId: post.id, practitionerId: person.id, practitionerName: person.name, from: input.from, note: input.note, overfilled: wasFull, belowRequirement },
      meta,
    });
    return { id: created.id, overfilled: wasFull, belowRequirement };
  });
}

/** Ends an open assignment on `to` (exclusive, not before its start). The row stays in the history. */
export async function endAssignment(input: TEndAssignment) {
  const actor = await authorize("posts.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const current = await tx.postAssignment.findFirst({
      where: { id: input.id, post: postScope(actor, "posts.manage") },
      select: { id: true, postId: true, practitionerId: true, from: true, to: true },
    });
    if (!current) throw new DomainError("notFound");
    await lockPost(tx, current.postId);
    if (current.to !== null) throw new DomainError("posts.errors.alreadyEnded");
    if (input.to.getTime() < current.from.getTime()) throw new DomainError("posts.validation.toBeforeFrom", "to");
    const result = await tx.postAssignment.updateMany({ where: { id: input.id, to: null }, data: { to: input.to, endedById: actor.id } });
    if (result.count !== 1) throw new DomainError("posts.errors.alreadyEnded");
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "posts.endAssignment",
      entity: "PostAssignment",
      entityId: input.id,
      before: { postId: current.postId, practitionerId: current.practitionerId, from: current.from, to: null },
      after: { postId: current.postId, practitionerId: current.practitionerId, from: current.from, to: input.to },
      meta,
    });
    return { id: input.id, postId: current.postId };
  });
}
