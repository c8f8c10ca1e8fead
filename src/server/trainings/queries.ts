import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import type { TCurrentUser } from "@/server/auth/session";
import { enrolmentScope, practitionerScope, providerScope, trainingScope } from "@/server/authz/scope";
import { availableOf } from "@/server/funds/ledger";
import { namedSelect } from "@/server/select";
import { PLAN_ID } from "@/server/plan/queries";
import { can, scopeOf } from "@/domain/authz/matrix";
import { todayInCity } from "@/domain/common/calendar-day";
import { toPage } from "@/lib/pagination";
import { monthBounds, type TTrainingListFilter } from "@/domain/trainings/list-filter";
import { audienceMisses, isCompleted, placesLeft, sessionsNeeded, sessionsTotal } from "@/domain/trainings/rules";

// Reads of the training feature. Programmes: a city-wide catalogue of what is published (a
// provider reads its own, drafts included; the city every draft too). Who is enrolled is scoped
// (trainings.participants.read): a provider sees its own programmes' participants by name and
// employer, never an ID number — no query here selects one.

export const TRAININGS_PAGE_SIZE = 20;
const HOLDING = ["ENROLLED", "COMPLETED", "NOT_COMPLETED"] as const;

/** What the caller may see of programmes: published (and past) ones of the catalogue, drafts only where they may manage. */
export function visibleTrainings(user: TCurrentUser): Prisma.TrainingWhereInput {
  const manage = scopeOf(user.role, "trainings.manage");
  // (An empty where inside OR matches nothing in Prisma: the city's "everything" is spelled out.)
  const drafts: Prisma.TrainingWhereInput = manage === "city" ? {} : manage ? { OR: [{ status: { not: "DRAFT" } }, trainingScope(user, "trainings.manage")] } : { status: { not: "DRAFT" } };
  return { AND: [trainingScope(user, "trainings.read"), drafts] };
}

/** Places taken and waiting-list length of programmes, by id. */
async function countsOf(ids: string[]) {
  const rows = ids.length ? await prisma.trainingEnrolment.groupBy({ by: ["trainingId", "status"], where: { trainingId: { in: ids } }, _count: { _all: true } }) : [];
  return (id: string) => {
    const of = (s: string) => rows.find((r) => r.trainingId === id && r.status === s)?._count._all ?? 0;
    return { taken: HOLDING.reduce((n, s) => n + of(s), 0), waitlisted: of("WAITLISTED"), completed: of("COMPLETED") };
  };
}

const listSelect = {
  id: true,
  reference: true,
  kind: true,
  title: true,
  status: true,
  startDate: true,
  endDate: true,
  venue: true,
  capacity: true,
  lengthHalfHours: true,
  cpdHalfHours: true,
  subsidyFen: true,
  costFen: true,
  provider: { select: namedSelect },
} as const;

/** The catalogue: newest first, filtered by kind, provider, month and open places; paged. */
export async function listTrainings(user: TCurrentUser, filter: TTrainingListFilter, page: number, today = todayInCity()) {
  const and: Prisma.TrainingWhereInput[] = [visibleTrainings(user)];
  if (filter.kind) and.push({ kind: filter.kind });
  if (filter.providerId) and.push({ providerId: filter.providerId });
  if (filter.month) {
    const { from, to } = monthBounds(filter.month);
    and.push({ startDate: { lte: to }, endDate: { gte: from } });
  }
  if (filter.open) {
    and.push({ status: "PUBLISHED", endDate: { gte: today } });
    // Full programmes are few: found in SQL, then left out.
    const full = await prisma.$queryRaw<{ id: string }[]>`
      SELECT t.id FROM "Training" t WHERE t.status = 'PUBLISHED' AND t."endDate" >= ${today}
         AND t.capacity <= (SELECT count(*) FROM "TrainingEnrolment" e WHERE e."trainingId" = t.id AND e.status IN ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED'))`;
    if (full.length) and.push({ id: { notIn: full.map((f) => f.id) } });
  }
  const where = { AND: and };
  const [items, total] = await Promise.all([
    prisma.training.findMany({ where, orderBy: [{ startDate: "desc" }, { reference: "desc" }], skip: (page - 1) * TRAININGS_PAGE_SIZE, take: TRAININGS_PAGE_SIZE, select: listSelect }),
    prisma.training.count({ where }),
  ]);
  const counts = await countsOf(items.map((i) => i.id));
  return toPage(
    items.map((i) => {
      const c = counts(i.id);
      return { ...i, ...c, placesLeft: placesLeft(i.capacity, c.taken) };
    }),
    total,
    page,
    TRAININGS_PAGE_SIZE,
  );
}

/** Providers with programmes the caller can see (the catalogue's provider filter). */
export async function trainingFilterOptions(user: TCurrentUser) {
  return prisma.organization.findMany({ where: { kind: "TRAINING_PROVIDER", trainings: { some: visibleTrainings(user) } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: namedSelect });
}

/** A programme's page: its particulars, sessions, places, waiting list, money and the caller's own enrolment. */
export async function getTraining(user: TCurrentUser, id: string, today = todayInCity()) {
  const t = await prisma.training.findFirst({
    where: { AND: [{ id }, visibleTrainings(user)] },
    select: {
      ...listSelect,
      scope: true,
      providerId: true,
      completionPercent: true,
      audienceDepartmentTypes: true,
      audienceRegionIds: true,
      audienceOrganizationKinds: true,
      audienceLevels: true,
      budgetLineId: true,
      budgetLine: { select: { id: true, name: true, fund: { select: { year: true, name: true } } } },
      version: true,
      sessions: { orderBy: { number: "asc" }, select: { id: true, number: true, date: true, startsAt: true, halfHours: true, topic: true, _count: { select: { attendance: true } } } },
    },
  });
  if (!t) return null;
  const [counts, districts, mine, lineAvailable] = await Promise.all([
    countsOf([t.id]),
    t.audienceRegionIds.length ? prisma.region.findMany({ where: { id: { in: t.audienceRegionIds } }, orderBy: { code: "asc" }, select: namedSelect }) : Promise.resolve([]),
    user.practitionerId ? prisma.trainingEnrolment.findUnique({ where: { trainingId_practitionerId: { trainingId: t.id, practitionerId: user.practitionerId } }, select: { id: true, status: true, number: true, waitlistPosition: true } }) : Promise.resolve(null),
    t.budgetLineId ? availableOf(prisma as never, t.budgetLineId) : Promise.resolve(null),
  ]);
  const c = counts(t.id);
  const left = placesLeft(t.capacity, c.taken);
  // Where the caller stands on the waiting list (1 = next), counted among those still waiting.
  const myPlace =
    mine?.status === "WAITLISTED" && mine.waitlistPosition !== null
      ? (await prisma.trainingEnrolment.count({ where: { trainingId: t.id, status: "WAITLISTED", waitlistPosition: { lt: mine.waitlistPosition } } })) + 1
      : null;
  const open = t.status === "PUBLISHED" && t.endDate.getTime() >= today.getTime();
  return {
    ...t,
    ...c,
    placesLeft: left,
    open,
    sessionsHalfHours: sessionsTotal(t.sessions),
    districts,
    mine: mine ? { ...mine, place: myPlace } : null,
    lineAvailableFen: lineAvailable,
    /** Places are free and people wait: only the subsidy line stops them moving up. */
    waitingForMoney: open && left > 0 && c.waitlisted > 0,
    sessionsNeeded: sessionsNeeded(t.sessions.length, t.completionPercent),
  };
}
export type TTrainingDetail = NonNullable<Awaited<ReturnType<typeof getTraining>>>;

const STATUS_ORDER = { ENROLLED: 0, COMPLETED: 0, NOT_COMPLETED: 0, WAITLISTED: 1, WITHDRAWN: 2 } as const;

/**
 * Who is enrolled in a programme, as far as the caller may see (their staff, their district…, a
 * provider its whole programme): number, name, employer, status, sessions attended; and whether the
 * caller may withdraw each. Names and employers only: never an ID number.
 */
export async function participants(user: TCurrentUser, trainingId: string) {
  if (!can(user, "trainings.participants.read")) return [];
  const rows = await prisma.trainingEnrolment.findMany({
    where: { AND: [{ trainingId }, { training: visibleTrainings(user) }, enrolmentScope(user, "trainings.participants.read")] },
    orderBy: [{ number: "asc" }],
    select: {
      id: true,
      number: true,
      status: true,
      waitlistPosition: true,
      practitioner: { select: { id: true, name: true, organization: { select: namedSelect } } },
      _count: { select: { attendance: { where: { present: true } } } },
    },
  });
  const mayWithdraw = can(user, "trainings.enrol")
    ? new Set((await prisma.trainingEnrolment.findMany({ where: { AND: [{ trainingId }, enrolmentScope(user, "trainings.enrol")] }, select: { id: true } })).map((e) => e.id))
    : new Set<string>();
  // The waiting list in its order: 1 = next to move up.
  const waiting = rows.filter((r) => r.status === "WAITLISTED").sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const place = new Map(waiting.map((r, i) => [r.id, i + 1]));
  return rows
    .map((r) => ({ id: r.id, number: r.number, status: r.status, place: place.get(r.id) ?? null, name: r.practitioner.name, employer: r.practitioner.organization, attended: r._count.attendance, mayWithdraw: mayWithdraw.has(r.id) }))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.place ?? 0) - (b.place ?? 0) || a.number - b.number);
}

/**
 * One session's attendance sheet (trainings.attendance): the people holding a place, with this
 * session's mark and how many sessions each has attended against what completion needs.
 */
export async function attendanceSheet(user: TCurrentUser, trainingId: string, sessionNumber: number) {
  const t = await prisma.training.findFirst({
    where: { AND: [{ id: trainingId }, trainingScope(user, "trainings.attendance")] },
    select: { id: true, reference: true, title: true, status: true, completionPercent: true, sessions: { orderBy: { number: "asc" }, select: { id: true, number: true, date: true, startsAt: true, halfHours: true, topic: true, _count: { select: { attendance: true } } } } },
  });
  if (!t) return null;
  const session = t.sessions.find((s) => s.number === sessionNumber) ?? null;
  const people = await prisma.trainingEnrolment.findMany({
    where: { trainingId: t.id, status: { in: [...HOLDING] } },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      status: true,
      practitioner: { select: { name: true, organization: { select: namedSelect } } },
      attendance: { select: { sessionId: true, present: true } },
    },
  });
  const needed = sessionsNeeded(t.sessions.length, t.completionPercent);
  return {
    training: { id: t.id, reference: t.reference, title: t.title, status: t.status, completionPercent: t.completionPercent },
    sessions: t.sessions.map((s) => ({ ...s, recorded: s._count.attendance > 0 })),
    session,
    needed,
    people: people.map((p) => {
      const attended = p.attendance.filter((a) => a.present).length;
      const mark = session ? (p.attendance.find((a) => a.sessionId === session.id)?.present ?? null) : null;
      return { id: p.id, number: p.number, status: p.status, name: p.practitioner.name, employer: p.practitioner.organization, present: mark, attended, done: isCompleted(attended, t.sessions.length, t.completionPercent) };
    }),
  };
}

/** A practitioner's programmes (My profile): what they are enrolled in, waiting for, and completed. */
export async function myTrainings(practitionerId: string) {
  return prisma.trainingEnrolment.findMany({
    where: { practitionerId, status: { not: "WITHDRAWN" } },
    orderBy: [{ training: { startDate: "desc" } }],
    select: {
      id: true,
      status: true,
      number: true,
      completedAt: true,
      training: { select: { id: true, reference: true, title: true, kind: true, startDate: true, endDate: true, cpdHalfHours: true, provider: { select: namedSelect } } },
    },
  });
}

/** A completion's printable record: the person themselves, or whoever may read the programme's participants. */
export async function completionRecord(user: TCurrentUser, enrolmentId: string) {
  const scopes: Prisma.TrainingEnrolmentWhereInput[] = [];
  if (user.practitionerId) scopes.push({ practitionerId: user.practitionerId });
  const readAll = scopeOf(user.role, "trainings.participants.read") === "city";
  if (!readAll && can(user, "trainings.participants.read")) scopes.push(enrolmentScope(user, "trainings.participants.read"));
  if (!readAll && !scopes.length) return null;
  const e = await prisma.trainingEnrolment.findFirst({
    where: { AND: [{ id: enrolmentId, status: "COMPLETED" }, readAll ? {} : { OR: scopes }] },
    select: {
      id: true,
      number: true,
      completedAt: true,
      practitionerId: true,
      practitioner: { select: { name: true, organization: { select: namedSelect } } },
      training: { select: { id: true, reference: true, title: true, kind: true, startDate: true, endDate: true, venue: true, lengthHalfHours: true, cpdHalfHours: true, provider: { select: namedSelect } } },
      _count: { select: { attendance: { where: { present: true } } } },
    },
  });
  if (!e) return null;
  const sessions = await prisma.trainingSession.count({ where: { trainingId: e.training.id } });
  return { ...e, sessions, recordNumber: `${e.training.reference}-${String(e.number).padStart(3, "0")}` };
}

/**
 * People the caller may enrol in a programme, found by name (at most 30): active, within their
 * enrolment scope, not already holding a place or waiting; each says whether they are in the
 * programme's audience.
 */
export async function enrolCandidates(user: TCurrentUser, trainingId: string, q: string) {
  if (!can(user, "trainings.enrol")) return [];
  const t = await prisma.training.findUnique({ where: { id: trainingId }, select: { audienceDepartmentTypes: true, audienceRegionIds: true, audienceOrganizationKinds: true, audienceLevels: true } });
  if (!t) return [];
  const [people, districts] = await Promise.all([
    prisma.practitioner.findMany({
      where: {
        AND: [
          practitionerScope(user, "trainings.enrol"),
          { status: "ACTIVE" },
          q ? { name: { contains: q, mode: "insensitive" } } : {},
          { enrolments: { none: { trainingId, status: { not: "WITHDRAWN" } } } },
        ],
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 30,
      select: {
        id: true,
        name: true,
        regionPath: true,
        qualificationLevel: true,
        organization: { select: { ...namedSelect, kind: true, departmentType: true, supervisingDepartment: { select: { departmentType: true } } } },
      },
    }),
    t.audienceRegionIds.length ? prisma.region.findMany({ where: { id: { in: t.audienceRegionIds } }, select: { path: true } }) : Promise.resolve([]),
  ]);
  const rules = { departmentTypes: t.audienceDepartmentTypes, districtPaths: districts.map((d) => d.path), organizationKinds: t.audienceOrganizationKinds, levels: t.audienceLevels };
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    organization: p.organization,
    qualificationLevel: p.qualificationLevel,
    inAudience:
      audienceMisses(rules, {
        employerKind: p.organization?.kind ?? null,
        employerDepartmentType: p.organization?.departmentType ?? null,
        supervisingDepartmentType: p.organization?.supervisingDepartment?.departmentType ?? null,
        regionPath: p.regionPath,
        qualificationLevel: p.qualificationLevel,
      }).length === 0,
  }));
}

/** Training providers for the city's programme form, and the training-subsidy lines a programme may draw on. */
export async function programmeFormOptions(user: TCurrentUser) {
  const [providers, lines, districts] = await Promise.all([
    can(user, "trainingProviders.read") ? prisma.organization.findMany({ where: providerScope(user, "trainingProviders.read"), orderBy: [{ name: "asc" }, { id: "asc" }], select: namedSelect }) : Promise.resolve([]),
    prisma.budgetLine.findMany({ where: { kind: "TRAINING_SUBSIDY" }, orderBy: [{ fund: { year: "desc" } }, { name: "asc" }], select: { id: true, name: true, fund: { select: { year: true, name: true } } } }),
    prisma.region.findMany({ where: { level: "DISTRICT" }, orderBy: { code: "asc" }, select: namedSelect }),
  ]);
  return { providers, lines, districts };
}

/** The city's completion threshold (PlanTarget.trainingCompletionPercent, 80 by default): a new programme's default. */
export async function defaultCompletionPercent(): Promise<number> {
  const row = await prisma.planTarget.findUnique({ where: { id: PLAN_ID }, select: { trainingCompletionPercent: true } });
  return row?.trainingCompletionPercent ?? 80;
}
