import "server-only";
import { prisma } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { practitionerScope } from "@/server/authz/scope";
import { enrol, type TEnrolOutcome } from "@/server/trainings/enrolment";
import { getTraining, visibleTrainings } from "@/server/trainings/queries";
import { namedSelect } from "@/server/select";
import { scopeOf } from "@/domain/authz/matrix";
import { DomainError } from "@/domain/common/errors";
import { todayInCity } from "@/domain/common/calendar-day";
import { audienceMisses } from "@/domain/trainings/rules";
import { proposeCohort, compareUrgency, type TCohortCandidate } from "@/domain/rotation/cohort";
import type { TEnrolCohort } from "@/domain/rotation/schemas";
import { lastRotations, type TLastRotation } from "./last-rotation";
import { rotationEntryScope } from "./scope";

// The cohort builder (plan.md T2, issue 12 §2 ★; docs/decisions/018): for a rotation programme an
// official (rotation.buildCohort: the city, a district) asks for N people; the pool is everyone on a
// rotation list in their scope who may be enrolled in it (active, within their enrolment scope, in
// the programme's audience, not already holding a place or waiting); proposeCohort picks the N
// longest without rotation training, balanced across districts and departments. The official
// adjusts the choice and enrols it in one step through enrol() inside one transaction: all or
// nothing, past the capacity onto the waiting list, a subsidy beyond its line refusing everyone.

export type TPoolPerson = TCohortCandidate & {
  department: { id: string; name: string; nameHant: string | null; nameEn: string | null };
  district: { id: string; name: string; nameHant: string | null; nameEn: string | null } | null;
  last: TLastRotation | null;
};

/** The programme, when it is a rotation programme the caller may build a cohort for. */
export async function cohortTraining(user: TCurrentUser, trainingId: string) {
  if (!scopeOf(user.role, "rotation.buildCohort")) return null;
  const t = await getTraining(user, trainingId);
  return t && t.kind === "ROTATION" ? t : null;
}

/**
 * Everyone the caller could put in this programme's cohort, in urgency order, and how many people on
 * the lists are left out because they are outside the programme's audience.
 */
export async function cohortPool(user: TCurrentUser, trainingId: string): Promise<{ pool: TPoolPerson[]; outsideAudience: number }> {
  const t = await prisma.training.findUnique({ where: { id: trainingId }, select: { audienceDepartmentTypes: true, audienceRegionIds: true, audienceOrganizationKinds: true, audienceLevels: true } });
  if (!t || !scopeOf(user.role, "rotation.buildCohort")) return { pool: [], outsideAudience: 0 };
  const entries = await prisma.rotationListEntry.findMany({
    where: {
      AND: [
        rotationEntryScope(user, "rotation.buildCohort"),
        { practitioner: { AND: [practitionerScope(user, "trainings.enrol"), { status: "ACTIVE" }, { enrolments: { none: { trainingId, status: { not: "WITHDRAWN" } } } }] } },
      ],
    },
    orderBy: [{ addedAt: "asc" }, { id: "asc" }],
    select: {
      organization: { select: { ...namedSelect, region: { select: { path: true } } } },
      practitioner: {
        select: {
          id: true,
          name: true,
          regionPath: true,
          qualificationLevel: true,
          organization: { select: { kind: true, departmentType: true, supervisingDepartment: { select: { departmentType: true } } } },
        },
      },
    },
  });
  const districts = t.audienceRegionIds.length ? await prisma.region.findMany({ where: { id: { in: t.audienceRegionIds } }, select: { path: true } }) : [];
  const rules = { departmentTypes: t.audienceDepartmentTypes, districtPaths: districts.map((d) => d.path), organizationKinds: t.audienceOrganizationKinds, levels: t.audienceLevels };
  const inAudience = entries.filter((e) => {
    const p = e.practitioner;
    return !audienceMisses(rules, {
      employerKind: p.organization?.kind ?? null,
      employerDepartmentType: p.organization?.departmentType ?? null,
      supervisingDepartmentType: p.organization?.supervisingDepartment?.departmentType ?? null,
      regionPath: p.regionPath,
      qualificationLevel: p.qualificationLevel,
    }).length;
  });
  const outside = new Set(entries.map((e) => e.practitioner.id));
  for (const e of inAudience) outside.delete(e.practitioner.id);
  const districtIds = [...new Set(inAudience.map((e) => e.organization.region.path.split("/")[2]).filter((x): x is string => !!x))];
  const [last, regions] = await Promise.all([
    lastRotations([...new Set(inAudience.map((e) => e.practitioner.id))]),
    prisma.region.findMany({ where: { id: { in: districtIds } }, select: namedSelect }),
  ]);
  const regionOf = new Map(regions.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const pool: TPoolPerson[] = [];
  for (const e of inAudience) {
    // Someone on two lists is one person: their first list names them.
    if (seen.has(e.practitioner.id)) continue;
    seen.add(e.practitioner.id);
    const districtId = e.organization.region.path.split("/")[2] || null;
    const l = last.get(e.practitioner.id) ?? null;
    const department = { id: e.organization.id, name: e.organization.name, nameHant: e.organization.nameHant, nameEn: e.organization.nameEn };
    pool.push({
      id: e.practitioner.id,
      name: e.practitioner.name,
      districtKey: districtId,
      departmentKey: department.id,
      lastRotation: l?.date ?? null,
      department,
      district: districtId ? (regionOf.get(districtId) ?? null) : null,
      last: l,
    });
  }
  return { pool: pool.sort(compareUrgency), outsideAudience: outside.size };
}

/** The proposal for `n` people and the rest of the pool (to add by hand), each in urgency order. */
export async function proposeFor(user: TCurrentUser, trainingId: string, n: number) {
  const { pool, outsideAudience } = await cohortPool(user, trainingId);
  const proposed = proposeCohort(pool, n);
  const chosen = new Set(proposed.map((p) => p.id));
  return { proposed, others: pool.filter((p) => !chosen.has(p.id)), poolSize: pool.length, outsideAudience };
}

/**
 * Enrols the chosen cohort in one step, in one transaction. Everyone must be on a rotation list in
 * the caller's scope (else nothing is written); enrol() then decides each place in the given order
 * (past the capacity: the waiting list) and refuses the whole cohort for the first person it may
 * not enrol, naming them (a subsidy beyond its line among them).
 */
export async function enrolCohort(input: TEnrolCohort, today = todayInCity()): Promise<TEnrolOutcome[]> {
  const user = await authorize("rotation.buildCohort");
  const meta = await getRequestMeta().catch(() => null);
  const ids = [...new Set(input.practitionerIds)];
  const t = await prisma.training.findUnique({ where: { id: input.trainingId }, select: { id: true, kind: true, status: true, endDate: true, reference: true } });
  if (!t) throw new DomainError("notFound");
  if (t.kind !== "ROTATION") throw new DomainError("rotation.errors.notRotation");
  if (t.status !== "PUBLISHED" || t.endDate.getTime() < today.getTime()) throw new DomainError("rotation.errors.notOpen");
  const listed = await prisma.rotationListEntry.findMany({ where: { AND: [{ practitionerId: { in: ids } }, rotationEntryScope(user, "rotation.buildCohort")] }, select: { practitionerId: true } });
  if (new Set(listed.map((l) => l.practitionerId)).size !== ids.length) throw new DomainError("rotation.errors.notOnList");
  return prisma.$transaction(
    async (tx) => {
      const out = await enrol({ trainingId: t.id, practitionerIds: ids }, { tx, actor: user });
      await recordAudit(tx, {
        actor: auditActor(user),
        action: "rotation.enrolCohort",
        entity: "Training",
        entityId: t.id,
        before: null,
        after: { reference: t.reference, people: ids.length, enrolled: out.filter((o) => o.status === "ENROLLED").length, waitlisted: out.filter((o) => o.status === "WAITLISTED").length },
        meta: meta ?? { ip: null, userAgent: null },
      });
      return out;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/** Rotation programmes open for enrolment, soonest first, for the cohort builder's list. */
export async function openRotationProgrammes(user: TCurrentUser, today = todayInCity()) {
  if (!scopeOf(user.role, "rotation.buildCohort")) return [];
  return prisma.training.findMany({
    where: { AND: [visibleTrainings(user), { kind: "ROTATION", status: "PUBLISHED", endDate: { gte: today } }] },
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
    select: { id: true, reference: true, title: true, startDate: true, endDate: true, capacity: true },
  });
}
