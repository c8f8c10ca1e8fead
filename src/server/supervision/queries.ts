import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { practitionerScope, regionScope, supervisionScope } from "@/server/authz/scope";
import { districtNames } from "@/server/practitioners/queries";
import { districtIdOf } from "@/server/practitioners/where";
import { getSupervisionSettings } from "@/server/plan/training-settings";
import { scopeOf, type TPrincipal } from "@/domain/authz/matrix";
import { addYears, todayInCity } from "@/domain/common/calendar-day";
import { CERTIFICATE_KINDS } from "@/domain/credentials/schemas";
import { coverageShare } from "@/domain/supervision/rules";
import type { TPairListFilter } from "@/domain/supervision/list-filter";
import { LEVEL_RANK, type TQualificationLevel } from "@/domain/practitioners/qualification";
import { QUALIFICATION_LEVELS } from "@/domain/practitioners/enums";
import { toPage } from "@/lib/pagination";
import { namedSelect } from "@/server/select";
import { statsScopeSql, type TTrainingStatsScope } from "@/server/trainings/stats";
import { supervisorStandings } from "./facts";
import { personSelect } from "./select";

// Supervision (plan.md T7) as officials, agencies and practitioners read it, each query inside
// the caller's scope: pairs (supervisionScope: the supervisee's or the supervisor's side in
// scope), supervisors' loads, the frontline coverage, the candidates of the start-pair form, and a
// practitioner's own pairs and sessions.

export const PAIR_PAGE_SIZE = 20;
export const CANDIDATE_LIMIT = 20;

const districtFilter = (districtId: string): Prisma.PractitionerWhereInput => ({ regionPath: { contains: `/${districtId}/` } });

export function pairWhere(user: TPrincipal, f: TPairListFilter): Prisma.SupervisionWhereInput {
  const and: Prisma.SupervisionWhereInput[] = [supervisionScope(user, "supervision.read")];
  if (f.state === "active") and.push({ endDate: null });
  if (f.state === "ended") and.push({ endDate: { not: null } });
  if (f.district) and.push({ supervisee: districtFilter(f.district) });
  if (f.supervisor) and.push({ supervisorId: f.supervisor });
  return { AND: and };
}

const pairOrder: Prisma.SupervisionOrderByWithRelationInput[] = [{ endDate: { sort: "desc", nulls: "first" } }, { startDate: "desc" }, { id: "asc" }];

const pairSelect = {
  id: true,
  startDate: true,
  endDate: true,
  version: true,
  supervisor: { select: personSelect },
  supervisee: { select: { ...personSelect, talentTrack: true } },
} satisfies Prisma.SupervisionSelect;

type TPairRecord = Prisma.SupervisionGetPayload<{ select: typeof pairSelect }>;

/** A page of pairs with their sessions' figures: hours confirmed, sessions waiting and disputed. */
async function withFigures(rows: TPairRecord[]) {
  const ids = rows.map((r) => r.id);
  const [sums, districts] = await Promise.all([
    ids.length ? prisma.supervisionSession.groupBy({ by: ["supervisionId", "status"], where: { supervisionId: { in: ids } }, _sum: { halfHours: true }, _count: { _all: true } }) : Promise.resolve([]),
    districtNames(rows.map((r) => r.supervisee.regionPath)),
  ]);
  const figure = (id: string, status: "LOGGED" | "CONFIRMED" | "DISPUTED") => sums.find((s) => s.supervisionId === id && s.status === status);
  return rows.map((r) => ({
    ...r,
    district: districts.get(districtIdOf(r.supervisee.regionPath) ?? "") ?? null,
    confirmedHalfHours: figure(r.id, "CONFIRMED")?._sum.halfHours ?? 0,
    waiting: figure(r.id, "LOGGED")?._count._all ?? 0,
    disputed: figure(r.id, "DISPUTED")?._count._all ?? 0,
  }));
}
export type TPairRow = Awaited<ReturnType<typeof withFigures>>[number];

export async function listPairs(user: TPrincipal, f: TPairListFilter) {
  const where = pairWhere(user, f);
  const [rows, total] = await Promise.all([
    prisma.supervision.findMany({ where, orderBy: pairOrder, skip: (f.page - 1) * PAIR_PAGE_SIZE, take: PAIR_PAGE_SIZE, select: pairSelect }),
    prisma.supervision.count({ where }),
  ]);
  return toPage(await withFigures(rows), total, f.page, PAIR_PAGE_SIZE);
}

/** The export's rows: the list's filter, all pages, in the list's order. */
export function pairsForExport(user: TPrincipal, f: TPairListFilter) {
  const where = pairWhere(user, f);
  return {
    count: () => prisma.supervision.count({ where }),
    page: async (skip: number, take: number) => withFigures(await prisma.supervision.findMany({ where, orderBy: pairOrder, skip, take, select: pairSelect })),
  };
}

/** The list's filter choices: districts (city only) and the supervisors of pairs in scope. */
export async function pairFilterOptions(user: TPrincipal) {
  const city = scopeOf(user.role, "supervision.read") === "city";
  const [districts, supervisors] = await Promise.all([
    city ? prisma.region.findMany({ where: { AND: [regionScope(user, "regions.read"), { level: "DISTRICT" }] }, orderBy: { code: "asc" }, select: namedSelect }) : Promise.resolve([]),
    prisma.practitioner.findMany({ where: { supervising: { some: supervisionScope(user, "supervision.read") } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true }, take: 500 }),
  ]);
  return { districts, supervisors };
}

/** The practitioners of a dashboard scope (as trainingStats reads it: by the employer's region, or employed by the department or an organisation it supervises). */
function statsScopePeople(scope: TTrainingStatsScope): Prisma.PractitionerWhereInput {
  switch (scope.kind) {
    case "city":
      return {};
    case "district":
      return { regionPath: { startsWith: scope.regionPath } };
    case "department":
      return { organization: { OR: [{ id: scope.departmentId }, { supervisingDepartmentId: scope.departmentId }] } };
  }
}

/** A reader's supervision.read scope as a dashboard scope (city and district only: the scopes that read coverage). */
function coverageScopeOf(user: TPrincipal): TTrainingStatsScope | null {
  const scope = scopeOf(user.role, "supervision.read");
  if (scope === "city") return { kind: "city" };
  if (scope === "district" && user.regionPath) return { kind: "district", regionPath: user.regionPath };
  return null;
}

async function loadsOf(pairs: Prisma.SupervisionWhereInput, now: Date) {
  const settings = await getSupervisionSettings();
  const open = await prisma.supervision.groupBy({ by: ["supervisorId"], where: { AND: [pairs, { endDate: null }] }, _count: { _all: true } });
  const ids = open.map((o) => o.supervisorId);
  const [people, standings] = await Promise.all([
    prisma.practitioner.findMany({ where: { id: { in: ids } }, select: personSelect }),
    supervisorStandings(ids, settings, todayInCity(now)),
  ]);
  const inScope = new Map(open.map((o) => [o.supervisorId, o._count._all]));
  const rows = people.map((p) => ({ ...p, inScope: inScope.get(p.id) ?? 0, standing: standings.get(p.id)! }));
  rows.sort((a, b) => b.standing.active - a.standing.active || a.name.localeCompare(b.name, "zh-Hans") || a.id.localeCompare(b.id));
  return { rows, cap: settings.supervisorMaxSupervisees };
}

/**
 * Supervisors with at least one open pair in scope, busiest first: their open pairs city-wide
 * against the cap, and whether they are still eligible (a supervisor may have stopped being so).
 */
export async function supervisorLoads(user: TPrincipal, now = new Date()) {
  return loadsOf(supervisionScope(user, "supervision.read"), now);
}
export type TSupervisorLoadRow = Awaited<ReturnType<typeof supervisorLoads>>["rows"][number];

/** The same for a dashboard scope (the training dashboard): pairs whose supervisee or supervisor is in it. The caller checks the permission. */
export async function supervisorLoadsIn(scope: TTrainingStatsScope, now = new Date()) {
  if (scope.kind === "city") return loadsOf({}, now);
  const people = statsScopePeople(scope);
  return loadsOf({ OR: [{ supervisee: people }, { supervisor: people }] }, now);
}

/**
 * Frontline coverage (city and district only): of the ACTIVE practitioners on the FRONTLINE
 * talent track employed in scope, how many are the supervisee of at least one open pair. The city
 * also gets it by district (the district of the employer).
 */
export async function supervisionCoverage(user: TPrincipal) {
  const scope = coverageScopeOf(user);
  return scope ? supervisionCoverageIn(scope) : null;
}

/**
 * Frontline coverage for a dashboard scope (city, district or department), in one SQL pass grouped
 * by the employer's district; the city's view lists every district. The caller checks the permission.
 */
export async function supervisionCoverageIn(scope: TTrainingStatsScope) {
  const rows = await prisma.$queryRaw<{ district: string | null; frontline: bigint; covered: bigint }[]>`
    SELECT NULLIF(split_part(p."regionPath", '/', 3), '') AS district,
           count(*) AS frontline,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Supervision" s WHERE s."superviseeId" = p.id AND s."endDate" IS NULL)) AS covered
      FROM "Practitioner" p LEFT JOIN "Organization" o ON o.id = p."organizationId"
     WHERE p.status = 'ACTIVE' AND p."talentTrack" = 'FRONTLINE' AND ${statsScopeSql(scope)}
     GROUP BY 1`;
  const total = rows.reduce((a, r) => a + Number(r.frontline), 0);
  const covered = rows.reduce((a, r) => a + Number(r.covered), 0);
  let byDistrict: { id: string; name: string; nameHant: string | null; nameEn: string | null; frontline: number; covered: number; share: number | null }[] = [];
  if (scope.kind === "city") {
    const districts = await prisma.region.findMany({ where: { level: "DISTRICT" }, orderBy: { code: "asc" }, select: namedSelect });
    const by = new Map(rows.map((r) => [r.district, r]));
    byDistrict = districts.map((d) => {
      const r = by.get(d.id);
      const f = Number(r?.frontline ?? 0);
      const c = Number(r?.covered ?? 0);
      return { ...d, frontline: f, covered: c, share: coverageShare(c, f) };
    });
  }
  return { scope: scope.kind, frontline: total, covered, share: coverageShare(covered, total), byDistrict };
}
export type TSupervisionCoverage = Awaited<ReturnType<typeof supervisionCoverageIn>>;

/** Levels at or above `min`, for "who could supervise" without a search. */
const levelsFrom = (min: TQualificationLevel) => QUALIFICATION_LEVELS.filter((l) => LEVEL_RANK[l] >= LEVEL_RANK[min]);

/**
 * Supervisor candidates, anywhere in the city (supervision.manage): active practitioners found by
 * name (eligible or not, so the page can say why not), or without a search those the rule admits;
 * each with their standing and load. Names, employers and levels only.
 */
export async function supervisorCandidates(user: TPrincipal, q: string, now = new Date()) {
  if (!scopeOf(user.role, "supervision.manage")) return { items: [], more: false, cap: 0 };
  const settings = await getSupervisionSettings();
  const rows = await prisma.practitioner.findMany({
    where: {
      status: "ACTIVE",
      // Without a name: those the rule admits (the level, and a verified certificate issued at least the years ago), or approved.
      ...(q
        ? { name: { contains: q, mode: "insensitive" as const } }
        : {
            OR: [
              { qualificationLevel: { in: levelsFrom(settings.supervisorMinLevel) }, credentials: { some: { status: "VERIFIED" as const, kind: { in: [...CERTIFICATE_KINDS] }, issueDate: { lte: addYears(todayInCity(now), -settings.supervisorMinYears) } } } },
              { supervisorApproval: { isNot: null } },
            ],
          }),
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: CANDIDATE_LIMIT + 1,
    select: { ...personSelect, qualificationLevel: true },
  });
  const page = rows.slice(0, CANDIDATE_LIMIT);
  const standings = await supervisorStandings(page.map((r) => r.id), settings, todayInCity(now));
  return { items: page.map((r) => ({ ...r, standing: standings.get(r.id)! })), more: rows.length > CANDIDATE_LIMIT, cap: settings.supervisorMaxSupervisees };
}
export type TSupervisorCandidate = Awaited<ReturnType<typeof supervisorCandidates>>["items"][number];

/** Supervisee candidates: active practitioners in the caller's manage scope, found by name, with their open pairs. */
export async function superviseeCandidates(user: TPrincipal, q: string) {
  const rows = await prisma.practitioner.findMany({
    where: { AND: [practitionerScope(user, "supervision.manage"), { status: "ACTIVE" }, q ? { name: { contains: q, mode: "insensitive" } } : {}] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: CANDIDATE_LIMIT + 1,
    select: { ...personSelect, talentTrack: true, qualificationLevel: true, supervisedBy: { where: { endDate: null }, select: { supervisor: { select: { id: true, name: true } } } } },
  });
  return { items: rows.slice(0, CANDIDATE_LIMIT), more: rows.length > CANDIDATE_LIMIT };
}
export type TSuperviseeCandidate = Awaited<ReturnType<typeof superviseeCandidates>>["items"][number];

const sessionSelect = {
  id: true,
  date: true,
  halfHours: true,
  topic: true,
  status: true,
  reason: true,
  confirmedAt: true,
  createdAt: true,
  version: true,
  supervision: { select: { id: true, supervisor: { select: { id: true, name: true } }, supervisee: { select: { id: true, name: true } } } },
} satisfies Prisma.SupervisionSessionSelect;
export type TSessionRow = Prisma.SupervisionSessionGetPayload<{ select: typeof sessionSelect }>;

/**
 * A practitioner's own supervision (supervision.read, self): their standing as a supervisor, the
 * pairs on both sides, the sessions waiting for their confirmation and the history of both.
 * Null for a caller with no practitioner record.
 */
export async function mySupervision(user: TPrincipal, now = new Date()) {
  if (!user.practitionerId || scopeOf(user.role, "supervision.read") !== "self") return null;
  const me = user.practitionerId;
  const settings = await getSupervisionSettings();
  const today = todayInCity(now);
  const scope = supervisionScope(user, "supervision.read");
  const pairs = (side: "supervisorId" | "superviseeId") =>
    prisma.supervision.findMany({ where: { AND: [scope, { [side]: me }] }, orderBy: pairOrder, select: pairSelect });
  const sessions = (side: "supervisorId" | "superviseeId", extra: Prisma.SupervisionSessionWhereInput = {}) =>
    prisma.supervisionSession.findMany({ where: { AND: [{ supervision: { AND: [scope, { [side]: me }] } }, extra] }, orderBy: [{ date: "desc" }, { createdAt: "desc" }, { id: "asc" }], take: 200, select: sessionSelect });
  const [standings, asSupervisor, asSupervisee, waiting, received, given] = await Promise.all([
    supervisorStandings([me], settings, today),
    pairs("supervisorId"),
    pairs("superviseeId"),
    sessions("superviseeId", { status: "LOGGED" }),
    sessions("superviseeId", { status: { not: "LOGGED" } }),
    sessions("supervisorId"),
  ]);
  const [supervising, supervisedBy] = await Promise.all([withFigures(asSupervisor), withFigures(asSupervisee)]);
  return { settings, today, standing: standings.get(me) ?? null, supervising, supervisedBy, waiting, received, given };
}
export type TMySupervision = NonNullable<Awaited<ReturnType<typeof mySupervision>>>;

/** Which of these pairs the caller may end (supervision.manage: the supervisee in their scope). */
export async function manageablePairs(user: TPrincipal, ids: string[]): Promise<Set<string>> {
  if (!ids.length || !scopeOf(user.role, "supervision.manage")) return new Set();
  const rows = await prisma.supervision.findMany({ where: { id: { in: ids }, supervisee: practitionerScope(user, "supervision.manage") }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** Whom the city may approve as a supervisor: active practitioners found by name, with their standing. */
export async function approvalCandidates(user: TPrincipal, q: string, now = new Date()) {
  if (!q || scopeOf(user.role, "supervision.approveSupervisor") === null) return { items: [], more: false };
  const settings = await getSupervisionSettings();
  const rows = await prisma.practitioner.findMany({
    where: { AND: [practitionerScope(user, "supervision.approveSupervisor"), { status: "ACTIVE", name: { contains: q, mode: "insensitive" } }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: CANDIDATE_LIMIT + 1,
    select: { ...personSelect, qualificationLevel: true },
  });
  const page = rows.slice(0, CANDIDATE_LIMIT);
  const standings = await supervisorStandings(page.map((r) => r.id), settings, todayInCity(now));
  return { items: page.map((r) => ({ ...r, standing: standings.get(r.id)! })), more: rows.length > CANDIDATE_LIMIT };
}

export const APPROVALS_PAGE_SIZE = 25;

/** The city's approvals of supervisors in the caller's scope, newest first, with each one's current supervisees. */
export async function supervisorApprovals(user: TPrincipal, page: number) {
  if (scopeOf(user.role, "supervision.approveSupervisor") === null) return toPage([], 0, 1, APPROVALS_PAGE_SIZE);
  const where = { practitioner: practitionerScope(user, "supervision.approveSupervisor") };
  const [rows, total] = await Promise.all([
    prisma.supervisorApproval.findMany({
      where,
      orderBy: [{ approvedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * APPROVALS_PAGE_SIZE,
      take: APPROVALS_PAGE_SIZE,
      select: {
        id: true,
        approvedAt: true,
        note: true,
        practitioner: { select: { ...personSelect, qualificationLevel: true, _count: { select: { supervising: { where: { endDate: null } } } } } },
      },
    }),
    prisma.supervisorApproval.count({ where }),
  ]);
  return toPage(rows.map((r) => ({ id: r.id, approvedAt: r.approvedAt, note: r.note, person: r.practitioner, activeSupervisees: r.practitioner._count.supervising })), total, page, APPROVALS_PAGE_SIZE);
}
