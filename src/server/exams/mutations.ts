import "server-only";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { practitionerScope } from "@/server/authz/scope";
import { scopeOf } from "@/domain/authz/matrix";
import { DomainError } from "@/domain/common/errors";
import { todayInCity } from "@/domain/common/calendar-day";
import { examYearProblem } from "@/domain/exams/rules";
import type { TRecordOwnSitting, TRecordSitting, TSittingRef } from "@/domain/exams/schemas";
import { sittingScope } from "./scope";
import { sittingAuditSelect } from "./select";

// Qualification-exam sittings (plan.md G2): a practitioner records their own (source SELF), an
// official one for a person in their scope (source OFFICIAL). One per person, year and level (a
// second is refused, also when two arrive at once: the unique index decides). Each change is
// audited in its own transaction.

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === "P2002";

async function writeSitting(tx: TTx, actor: TCurrentUser, person: { id: string; birthDate: Date | null }, input: TRecordOwnSitting, source: "SELF" | "OFFICIAL", now: Date) {
  const problem = examYearProblem(input.year, { currentYear: todayInCity(now).getUTCFullYear(), birthYear: person.birthDate?.getUTCFullYear() ?? null });
  if (problem) throw new DomainError(problem, "year");
  const existing = await tx.examSitting.findUnique({ where: { practitionerId_year_level: { practitionerId: person.id, year: input.year, level: input.level } }, select: { id: true } });
  if (existing) throw new DomainError("exams.validation.duplicate", "level");
  const created = await tx.examSitting
    .create({ data: { practitionerId: person.id, year: input.year, level: input.level, result: input.result, source, enteredById: actor.id }, select: sittingAuditSelect })
    .catch((e: unknown) => {
      throw isUniqueViolation(e) ? new DomainError("exams.validation.duplicate", "level") : e;
    });
  await recordAudit(tx, { actor: auditActor(actor), action: "exams.record", entity: "ExamSitting", entityId: created.id, before: null, after: created, meta: await getRequestMeta() });
  return created;
}

/** A practitioner records a sitting of their own. */
export async function recordOwnSitting(input: TRecordOwnSitting, now = new Date()) {
  const actor = await authorize("exams.record");
  if (scopeOf(actor.role, "exams.record") !== "self" || !actor.practitionerId) throw new DomainError("exams.errors.noPractitionerRecord");
  const practitionerId = actor.practitionerId;
  return prisma.$transaction(async (tx) => {
    const me = await tx.practitioner.findUnique({ where: { id: practitionerId }, select: { id: true, birthDate: true } });
    if (!me) throw new DomainError("exams.errors.noPractitionerRecord");
    return writeSitting(tx, actor, me, input, "SELF", now);
  });
}

/** An official records a sitting for a practitioner in their scope (another person reads as not found). */
export async function recordSitting(input: TRecordSitting, now = new Date()) {
  const actor = await authorize("exams.record");
  return prisma.$transaction(async (tx) => {
    const person = await tx.practitioner.findFirst({ where: { AND: [practitionerScope(actor, "exams.record"), { id: input.practitionerId }] }, select: { id: true, birthDate: true } });
    if (!person) throw new DomainError("exams.validation.practitionerNotFound", "practitionerId");
    return writeSitting(tx, actor, person, input, scopeOf(actor.role, "exams.record") === "self" ? "SELF" : "OFFICIAL", now);
  });
}

/**
 * Deletes a sitting in the caller's scope. A practitioner deletes only what they entered
 * themselves; what an official entered or imported stays (an official corrects it).
 */
export async function deleteSitting(input: TSittingRef) {
  const actor = await authorize("exams.record");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const before = await tx.examSitting.findFirst({ where: { AND: [{ id: input.id }, sittingScope(actor, "exams.record")] }, select: sittingAuditSelect });
    if (!before) throw new DomainError("notFound");
    if (scopeOf(actor.role, "exams.record") === "self" && before.source !== "SELF") throw new DomainError("exams.errors.officialEntry");
    await tx.examSitting.delete({ where: { id: before.id } });
    await recordAudit(tx, { actor: auditActor(actor), action: "exams.delete", entity: "ExamSitting", entityId: before.id, before, after: null, meta });
    return before;
  });
}
