import "server-only";
import { prisma } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { getTrainingSettings } from "@/server/plan/training-settings";
import { namedSelect } from "@/server/select";
import { can } from "@/domain/authz/matrix";
import { DomainError } from "@/domain/common/errors";
import { todayInCity } from "@/domain/common/calendar-day";
import { isCovered } from "@/domain/rotation/coverage";
import type { TAddAllCivilServants, TAddToList, TRemoveFromList } from "@/domain/rotation/schemas";
import { lastRotations } from "./last-rotation";
import { listablePeople, rotationDepartmentScope, rotationEntryScope } from "./scope";

// A department's rotation list (轮训名单, plan.md T2): its officials and civil servants, kept by the
// department officer (rotation.manage: their own department; the city any). Each entry shows the
// person's last rotation training attended and whether it covers them (rotationCoverageYears).
// Every change is audited and scope-checked: a person outside the caller's reach, or not employed
// by the department, refuses the whole step and nothing is written.

const CANDIDATE_LIMIT = 30;

/** Departments whose lists the caller may open, by name (the city and districts choose one). */
export async function rotationDepartments(user: TCurrentUser) {
  return prisma.organization.findMany({
    where: rotationDepartmentScope(user, "rotation.read"),
    orderBy: [{ adminLevel: "asc" }, { name: "asc" }],
    select: { ...namedSelect, _count: { select: { rotationList: true } } },
  });
}

/** The department a page opens: the one asked for when in scope, else a department officer's own. */
export async function rotationDepartmentFor(user: TCurrentUser, asked: string | undefined) {
  const id = asked || (user.role === "DEPARTMENT_OFFICER" ? user.organizationId : null);
  if (!id) return null;
  return prisma.organization.findFirst({ where: { AND: [{ id }, rotationDepartmentScope(user, "rotation.read")] }, select: namedSelect });
}

/** A department's list with each person's last rotation training and coverage. */
export async function rotationList(user: TCurrentUser, departmentId: string, today = todayInCity()) {
  const [entries, settings] = await Promise.all([
    prisma.rotationListEntry.findMany({
      where: { AND: [{ organizationId: departmentId }, rotationEntryScope(user, "rotation.read")] },
      orderBy: [{ practitioner: { name: "asc" } }, { id: "asc" }],
      select: {
        id: true,
        addedAt: true,
        practitioner: { select: { id: true, name: true, status: true, employmentType: true, organizationId: true, organization: { select: namedSelect } } },
      },
    }),
    getTrainingSettings(),
  ]);
  const last = await lastRotations(entries.map((e) => e.practitioner.id));
  const years = settings.rotationCoverageYears;
  const rows = entries.map((e) => {
    const l = last.get(e.practitioner.id) ?? null;
    return { ...e, lastRotation: l, covered: isCovered(l?.date ?? null, today, years), elsewhere: e.practitioner.organizationId !== departmentId };
  });
  return {
    rows,
    years,
    covered: rows.filter((r) => r.covered).length,
    manage: can(user, "rotation.manage", { organizationId: departmentId }),
  };
}
export type TRotationList = Awaited<ReturnType<typeof rotationList>>;

/** The department's staff not yet on its list, found by name (rotation.manage). Names and employment only. */
export async function listCandidates(user: TCurrentUser, departmentId: string, q: string) {
  if (!can(user, "rotation.manage", { organizationId: departmentId })) return { items: [], more: false, civilServantsLeft: 0 };
  const base = { AND: [listablePeople(user, departmentId), { status: "ACTIVE" as const }, { rotationListings: { none: { organizationId: departmentId } } }] };
  const [rows, civilServantsLeft] = await Promise.all([
    prisma.practitioner.findMany({
      where: { AND: [base, q ? { name: { contains: q, mode: "insensitive" as const } } : {}] },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: CANDIDATE_LIMIT + 1,
      select: { id: true, name: true, employmentType: true },
    }),
    prisma.practitioner.count({ where: { AND: [base, { employmentType: "CIVIL_SERVANT" }] } }),
  ]);
  return { items: rows.slice(0, CANDIDATE_LIMIT), more: rows.length > CANDIDATE_LIMIT, civilServantsLeft };
}

/** The department, when the caller may keep its list; otherwise the refusal (nothing written). */
async function manageableDepartment(user: TCurrentUser, departmentId: string) {
  const d = await prisma.organization.findFirst({ where: { AND: [{ id: departmentId }, rotationDepartmentScope(user, "rotation.manage")] }, select: { id: true } });
  if (!d) {
    const exists = await prisma.organization.findFirst({ where: { id: departmentId, kind: "GOVERNMENT_DEPARTMENT" }, select: { id: true } });
    throw new DomainError(exists ? "rotation.errors.outOfScope" : "rotation.errors.notDepartment");
  }
  return d;
}

async function addPeople(user: TCurrentUser, departmentId: string, ids: string[], how: "chosen" | "allCivilServants") {
  const meta = await getRequestMeta().catch(() => null);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.rotationListEntry.findMany({ where: { organizationId: departmentId, practitionerId: { in: ids } }, select: { practitionerId: true } });
    const already = new Set(existing.map((e) => e.practitionerId));
    const added: string[] = [];
    for (const id of ids) {
      if (already.has(id)) continue;
      const entry = await tx.rotationListEntry.create({ data: { organizationId: departmentId, practitionerId: id, addedById: user.id }, select: { id: true } });
      added.push(id);
      await recordAudit(tx, {
        actor: auditActor(user),
        action: "rotation.add",
        entity: "RotationListEntry",
        entityId: entry.id,
        before: null,
        after: { organizationId: departmentId, practitionerId: id, how },
        meta: meta ?? { ip: null, userAgent: null },
      });
    }
    return { added: added.length, already: ids.length - added.length };
  });
}

/**
 * Adds the chosen people to the department's list. Each must be employed by the department and in
 * the caller's scope; one who is not refuses the whole step (nothing written) without saying who
 * they are. People already on the list are left as they are.
 */
export async function addToList(input: TAddToList) {
  const user = await authorize("rotation.manage");
  await manageableDepartment(user, input.departmentId);
  const ids = [...new Set(input.practitionerIds)];
  const found = await prisma.practitioner.count({ where: { AND: [{ id: { in: ids } }, listablePeople(user, input.departmentId)] } });
  if (found !== ids.length) throw new DomainError("rotation.errors.outOfScope");
  return addPeople(user, input.departmentId, ids, "chosen");
}

/** Adds every active civil servant of the department who is not on its list yet, in one step. */
export async function addAllCivilServants(input: TAddAllCivilServants) {
  const user = await authorize("rotation.manage");
  await manageableDepartment(user, input.departmentId);
  const people = await prisma.practitioner.findMany({
    where: { AND: [listablePeople(user, input.departmentId), { status: "ACTIVE", employmentType: "CIVIL_SERVANT" }, { rotationListings: { none: { organizationId: input.departmentId } } }] },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return addPeople(user, input.departmentId, people.map((p) => p.id), "allCivilServants");
}

/** Takes one person off a list (their training history stays). */
export async function removeFromList(input: TRemoveFromList) {
  const user = await authorize("rotation.manage");
  const meta = await getRequestMeta().catch(() => null);
  return prisma.$transaction(async (tx) => {
    const entry = await tx.rotationListEntry.findFirst({
      where: { AND: [{ id: input.entryId }, rotationEntryScope(user, "rotation.manage")] },
      select: { id: true, organizationId: true, practitionerId: true, addedAt: true },
    });
    if (!entry) throw new DomainError("rotation.errors.entryNotFound");
    await tx.rotationListEntry.delete({ where: { id: entry.id } });
    await recordAudit(tx, {
      actor: auditActor(user),
      action: "rotation.remove",
      entity: "RotationListEntry",
      entityId: entry.id,
      before: { organizationId: entry.organizationId, practitionerId: entry.practitionerId },
      after: null,
      meta: meta ?? { ip: null, userAgent: null },
    });
    return { departmentId: entry.organizationId };
  });
}
