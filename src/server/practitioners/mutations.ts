import "server-only";
import { deliverAll, noticeShortfallsOfPractitioner } from "@/server/contracts/staffing";
import { Prisma } from "@/generated/prisma/client";
import { prisma, type TTx } from "@/server/db";
import { env } from "@/env";
import { auditActor, recordAudit, recordAuditStandalone } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { organizationScope, practitionerScope } from "@/server/authz/scope";
import { can, scopeOf } from "@/domain/authz/matrix";
import { decryptIdNumber, encryptIdNumber, idNumberLookupHash } from "@/lib/id-crypto";
import { idNumberBirthDate, idNumberGender, maskIdNumber } from "@/lib/id-number";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { REVEALS_PER_HOUR } from "@/domain/practitioners/errors";
import { seesFullBirthDate } from "@/domain/practitioners/privacy";
import { isOfWorkingAge, type TChangeStatus, type TCreatePractitioner, type TUpdateContact, type TUpdatePractitioner } from "@/domain/practitioners/schemas";
import { employerRegion, recomputePractitioner } from "./derived-facts";
import { followEmployerChange, openEmployment } from "@/server/staff/employment";
import { todayInCity } from "@/domain/common/calendar-day";
import { practitionerAuditSelect } from "./select";

async function snapshot(tx: TTx, id: string) {
  const row = await tx.practitioner.findUniqueOrThrow({ where: { id }, select: { ...practitionerAuditSelect, awards: { select: { name: true, level: true, year: true }, orderBy: { createdAt: "asc" } } } });
  return { ...row, awards: row.awards.map((a) => `${a.level}:${a.name}${a.year ? `:${a.year}` : ""}`) };
}

/** The employer must lie inside the caller's scope for the action (an agency admin: their agency). */
async function assertEmployer(tx: TTx, user: TCurrentUser, action: "practitioners.create" | "practitioners.update", organizationId: string) {
  const org = await tx.organization.findFirst({ where: { AND: [organizationScope(user, action), { id: organizationId }] }, select: { id: true } });
  if (!org) throw new DomainError("employerNotAllowed", "organizationId");
}

/**
 * The ID number's stored columns, refused when another register entry holds it. Whether that entry
 * exists is told only to a caller who may see it: anyone else (an agency, for a person outside
 * it) hears "cannot be registered here; contact the district" (issue 10, hole 8).
 */
async function identity(tx: TTx, user: TCurrentUser, idNumber: string, exceptId?: string) {
  const hash = idNumberLookupHash(env.ID_ENCRYPTION_KEY, idNumber);
  const other = await tx.practitioner.findUnique({ where: { idNumberHash: hash }, select: { id: true } });
  if (other && other.id !== exceptId) {
    const visible = await tx.practitioner.findFirst({ where: { AND: [{ id: other.id }, practitionerScope(user, "practitioners.read")] }, select: { id: true } });
    throw new DomainError(visible ? "idNumberTaken" : "idNumberNotHere", "idNumber");
  }
  return { idNumberEncrypted: encryptIdNumber(env.ID_ENCRYPTION_KEY, idNumber), idNumberHash: hash, idNumberMasked: maskIdNumber(idNumber) };
}

/** Two saves racing on the same ID number: the unique index decides, the loser gets the field error. */
function duplicateIdToField(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainError("idNumberTaken", "idNumber");
  throw error;
}

function profileData(input: TCreatePractitioner | TUpdatePractitioner) {
  return {
    name: input.name,
    gender: input.gender,
    birthDate: input.birthDate,
    phone: input.phone,
    email: input.email,
    degree: input.degree,
    major: input.major,
    degreeInstitution: input.degreeInstitution,
    degreeYear: input.degreeYear,
    professionalTitle: input.professionalTitle,
    organizationId: input.organizationId,
    employmentType: input.employmentType,
    hireDate: input.hireDate,
    practiceFields: [...new Set(input.practiceFields)],
    targetGroups: [...new Set(input.targetGroups)],
    talentTrack: input.talentTrack,
  };
}

export async function createPractitioner(input: TCreatePractitioner) {
  const actor = await authorize("practitioners.create");
  const meta = await getRequestMeta();
  // Without practitioners.chooseEmployer (an agency administrator) new staff belong to the caller's own organisation.
  const organizationId = can(actor, "practitioners.chooseEmployer") ? input.organizationId : (actor.organizationId ?? "");
  try {
    return await prisma.$transaction(async (tx) => {
      await assertEmployer(tx, actor, "practitioners.create", organizationId);
      const ids = await identity(tx, actor, input.idNumber!);
      const region = await employerRegion(tx, organizationId);
      const created = await tx.practitioner.create({
        data: {
          ...profileData({ ...input, organizationId }),
          ...ids,
          ...region,
          keyPost: can(actor, "practitioners.setKeyPost") ? input.keyPost : false,
          entryPath: input.entryPath,
          entryDate: input.entryDate,
          status: "ACTIVE",
          statusSince: input.entryDate,
          awards: { create: input.awards.map((a) => ({ name: a.name, level: a.level, year: a.year })) },
          statusHistory: { create: { status: "ACTIVE", effectiveFrom: input.entryDate, actorId: actor.id } },
        },
        select: { id: true },
      });
      await openEmployment(tx, created.id, organizationId, input.hireDate ?? input.entryDate, actor.id);
      await recomputePractitioner(tx, created.id);
      const after = await snapshot(tx, created.id);
      await recordAudit(tx, { actor: auditActor(actor), action: "practitioners.create", entity: "Practitioner", entityId: created.id, before: null, after, meta });
      return { id: created.id };
    });
  } catch (error) {
    duplicateIdToField(error);
  }
}

/**
 * The birth date an edit stores. A new ID number brings its own (the schema filled and checked it).
 * With a number on record the date follows that number, and a typed date that disagrees is refused
 * only for a caller who may see the full date: to anyone else "does not match" would answer a
 * guess (issue 10, hole 1), so their input is ignored. Without a number, a caller who sees only
 * the year keeps the stored date by leaving the field empty.
 */
function birthDateOnEdit(stored: { idNumberEncrypted: string | null; birthDate: Date | null }, input: TUpdatePractitioner, seesFull: boolean): Date | null {
  if (input.idNumber) return input.birthDate;
  if (stored.idNumberEncrypted) {
    const id = decryptIdNumber(env.ID_ENCRYPTION_KEY, stored.idNumberEncrypted);
    const birth = idNumberBirthDate(id);
    if (seesFull && input.birthDate && birth && input.birthDate.getTime() !== birth.getTime()) throw new DomainError("birthDateMismatch", "birthDate");
    if (input.gender && input.gender !== idNumberGender(id)) throw new DomainError("genderMismatch", "gender");
    return birth ?? input.birthDate ?? stored.birthDate;
  }
  return seesFull ? input.birthDate : (input.birthDate ?? stored.birthDate);
}

/**
 * Edits a profile. A practitioner editing their own record goes through updateOwnContact:
 * this function refuses callers whose scope is "self", so no other field can slip through.
 */
export async function updatePractitioner(input: TUpdatePractitioner) {
  const actor = await authorize("practitioners.update");
  if (scopeOf(actor.role, "practitioners.update") === "self") return updateOwnContact({ id: input.id, version: input.version, phone: input.phone, email: input.email });
  const meta = await getRequestMeta();
  try {
    return await prisma.$transaction(async (tx) => {
      const current = await tx.practitioner.findFirst({ where: { AND: [practitionerScope(actor, "practitioners.update"), { id: input.id }] }, select: { id: true, version: true, organizationId: true, regionPath: true, keyPost: true, idNumberEncrypted: true, birthDate: true } });
      if (!current) throw new DomainError("notFound");
      if (current.version !== input.version) throw new StaleEditError();
      if (input.organizationId !== current.organizationId) {
        if (!can(actor, "practitioners.chooseEmployer")) throw new DomainError("employerNotAllowed", "organizationId");
        await assertEmployer(tx, actor, "practitioners.update", input.organizationId);
      }
      const birthDate = birthDateOnEdit(current, input, seesFullBirthDate(actor, current));
      // The schema compared the hire date with a birth date typed or read from a new ID number; the stored one counts too.
      if (birthDate && input.hireDate && !isOfWorkingAge(birthDate, input.hireDate)) throw new DomainError("underWorkingAge", "hireDate");
      const before = await snapshot(tx, input.id);
      const ids = input.idNumber ? await identity(tx, actor, input.idNumber, input.id) : {};
      const region = await employerRegion(tx, input.organizationId);
      const result = await tx.practitioner.updateMany({
        where: { id: input.id, version: input.version },
        data: { ...profileData(input), birthDate, ...ids, ...region, keyPost: can(actor, "practitioners.setKeyPost") ? input.keyPost : current.keyPost, version: { increment: 1 } },
      });
      if (result.count !== 1) throw new StaleEditError();
      if (input.organizationId !== current.organizationId) await followEmployerChange(tx, input.id, input.organizationId, input.hireDate, todayInCity(), actor.id);
      await tx.award.deleteMany({ where: { practitionerId: input.id } });
      if (input.awards.length) await tx.award.createMany({ data: input.awards.map((a) => ({ practitionerId: input.id, name: a.name, level: a.level, year: a.year })) });
      await recomputePractitioner(tx, input.id);
      const after = await snapshot(tx, input.id);
      await recordAudit(tx, { actor: auditActor(actor), action: "practitioners.update", entity: "Practitioner", entityId: input.id, before, after, meta });
      // A new employer (or none) may leave a contract naming them short of its staffing: told at once.
      return { id: input.id, emails: await noticeShortfallsOfPractitioner(tx, input.id) };
    }).then(async ({ id, emails }) => {
      await deliverAll(emails);
      return { id };
    });
  } catch (error) {
    duplicateIdToField(error);
  }
}

/** Phone and e-mail only: what a practitioner may change about themselves (anyone with update scope may use it too). */
export async function updateOwnContact(input: TUpdateContact) {
  const actor = await authorize("practitioners.update");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const current = await tx.practitioner.findFirst({ where: { AND: [practitionerScope(actor, "practitioners.update"), { id: input.id }] }, select: { id: true, version: true } });
    if (!current) throw new DomainError("notFound");
    const before = await snapshot(tx, input.id);
    const result = await tx.practitioner.updateMany({ where: { id: input.id, version: input.version }, data: { phone: input.phone, email: input.email, version: { increment: 1 } } });
    if (result.count !== 1) throw new StaleEditError();
    const after = await snapshot(tx, input.id);
    await recordAudit(tx, { actor: auditActor(actor), action: "practitioners.updateContact", entity: "Practitioner", entityId: input.id, before, after, meta });
    return { id: input.id };
  });
}

/** Status (with a dated history row) and entry path: practitioners.changeStatus. */
export async function changePractitionerStatus(input: TChangeStatus) {
  const actor = await authorize("practitioners.changeStatus");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const current = await tx.practitioner.findFirst({
      where: { AND: [practitionerScope(actor, "practitioners.changeStatus"), { id: input.id }] },
      select: { id: true, version: true, status: true, entryDate: true, birthDate: true, statusHistory: { select: { id: true, status: true, effectiveFrom: true }, orderBy: [{ effectiveFrom: "asc" }, { createdAt: "asc" }] } },
    });
    if (!current) throw new DomainError("notFound");
    if (current.version !== input.version) throw new StaleEditError();
    if (current.birthDate && !isOfWorkingAge(current.birthDate, input.entryDate)) throw new DomainError("underWorkingAge", "entryDate");
    const statusChanged = input.status !== current.status;
    const history = current.statusHistory;
    // A corrected entry date moves the opening ACTIVE row with it (while it stays before the next change).
    const opening = history[0];
    const moveOpening =
      !!opening && opening.status === "ACTIVE" && !!current.entryDate && opening.effectiveFrom.getTime() === current.entryDate.getTime() && input.entryDate.getTime() !== current.entryDate.getTime();
    if (moveOpening && history[1] && input.entryDate.getTime() >= history[1].effectiveFrom.getTime()) throw new DomainError("statusDateOrder", "entryDate");
    const last = moveOpening && history.length === 1 ? input.entryDate : history.at(-1)?.effectiveFrom;
    if (statusChanged && last && input.effectiveFrom.getTime() < last.getTime()) throw new DomainError("statusDateOrder", "effectiveFrom");
    const before = await snapshot(tx, input.id);
    const result = await tx.practitioner.updateMany({
      where: { id: input.id, version: input.version },
      data: { entryPath: input.entryPath, entryDate: input.entryDate, ...(statusChanged ? { status: input.status, statusSince: input.effectiveFrom } : {}), version: { increment: 1 } },
    });
    if (result.count !== 1) throw new StaleEditError();
    if (moveOpening) await tx.practitionerStatusChange.update({ where: { id: opening.id }, data: { effectiveFrom: input.entryDate } });
    // A record without history was active since its entry date (rules.ts reads it so); write that
    // down before the first change, or the new row alone would erase the time they counted.
    if (statusChanged && history.length === 0 && current.status === "ACTIVE" && input.entryDate.getTime() < input.effectiveFrom.getTime()) {
      await tx.practitionerStatusChange.create({ data: { practitionerId: input.id, status: "ACTIVE", effectiveFrom: input.entryDate, actorId: actor.id } });
    }
    if (statusChanged) {
      await tx.practitionerStatusChange.create({ data: { practitionerId: input.id, status: input.status, effectiveFrom: input.effectiveFrom, note: input.note, actorId: actor.id } });
    }
    await recomputePractitioner(tx, input.id);
    const after = await snapshot(tx, input.id);
    await recordAudit(tx, { actor: auditActor(actor), action: "practitioners.changeStatus", entity: "Practitioner", entityId: input.id, before, after: { ...after, statusNote: input.note }, meta });
    // Leaving the city, retiring, …: a contract naming them may now fall short of its staffing.
    return { id: input.id, emails: await noticeShortfallsOfPractitioner(tx, input.id) };
  }).then(async ({ id, emails }) => {
    await deliverAll(emails);
    return { id };
  });
}

/** The full ID number, for those allowed to see it; every reveal is audited. */
/**
 * Reveals a full ID number (audited). At most REVEALS_PER_HOUR per user and hour: the count and the
 * new reveal are one step under a per-user lock, so parallel requests cannot pass together; a
 * refusal is audited as DENIED, which the city administrator's home shows as an alert.
 */
export async function revealIdNumber(id: string): Promise<string> {
  const actor = await authorize("practitioners.revealIdNumber");
  const meta = await getRequestMeta();
  const limited = { reached: false };
  try {
    return await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`reveal:${actor.id}`}))`;
      const recent = await tx.auditEvent.count({ where: { actorId: actor.id, action: "practitioners.revealIdNumber", outcome: "SUCCESS", at: { gt: new Date(Date.now() - 3_600_000) } } });
      if (recent >= REVEALS_PER_HOUR) {
        limited.reached = true;
        throw new DomainError("revealLimit");
      }
      return revealIn(tx, actor, id, meta);
    });
  } catch (error) {
    if (limited.reached) {
      await recordAuditStandalone({ actor: auditActor(actor), action: "practitioners.revealIdNumber", outcome: "DENIED", entity: "Practitioner", entityId: id, after: { reason: "revealLimit", perHour: REVEALS_PER_HOUR }, meta });
    }
    throw error;
  }
}

async function revealIn(tx: TTx, actor: TCurrentUser, id: string, meta: Awaited<ReturnType<typeof getRequestMeta>>): Promise<string> {
  const row = await tx.practitioner.findFirst({ where: { AND: [practitionerScope(actor, "practitioners.revealIdNumber"), { id }] }, select: { id: true, idNumberEncrypted: true, idNumberMasked: true } });
  if (!row) throw new DomainError("notFound");
  if (!row.idNumberEncrypted) throw new DomainError("noIdNumber");
  const number = decryptIdNumber(env.ID_ENCRYPTION_KEY, row.idNumberEncrypted);
  await recordAudit(tx, { actor: auditActor(actor), action: "practitioners.revealIdNumber", entity: "Practitioner", entityId: id, before: null, after: { idNumberMasked: row.idNumberMasked, revealed: true }, meta });
  return number;
}
