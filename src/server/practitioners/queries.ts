import "server-only";
import { practitionerDetailSelect, practitionerListSelect } from "./select";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { namedSelect } from "@/server/select";
import { organizationScope, practitionerScope, regionScope } from "@/server/authz/scope";
import { scopeOf, type TAction } from "@/domain/authz/matrix";
import { birthView, seesFullBirthDate } from "@/domain/practitioners/privacy";
import type { TCurrentUser } from "@/server/auth/session";
import { toPage } from "@/lib/pagination";
import type { TListFilter } from "@/domain/practitioners/list-filter";
import { districtIdOf, registerOrderBy, registerWhere } from "./where";
import { countingFor } from "./counting";

export const REGISTER_PAGE_SIZE = 25;

/**
 * Names of the employers of a page of rows, in one query. (A relation select here would make the
 * database build the join for every matching row before sorting; this way only 25 are looked up.)
 */
export async function organizationNames(ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (!unique.length) return new Map<string, { id: string; name: string; nameHant: string | null; nameEn: string | null }>();
  const rows = await prisma.organization.findMany({ where: { id: { in: unique } }, select: namedSelect });
  return new Map(rows.map((r) => [r.id, r]));
}

/** Names of the districts that a page of rows lives in, in one query. */
export async function districtNames(paths: (string | null)[]) {
  const ids = [...new Set(paths.map(districtIdOf).filter((x): x is string => !!x))];
  if (!ids.length) return new Map<string, { name: string; nameHant: string | null; nameEn: string | null }>();
  const rows = await prisma.region.findMany({ where: { id: { in: ids }, level: "DISTRICT" }, select: namedSelect });
  return new Map(rows.map((r) => [r.id, r]));
}

export async function listPractitioners(user: TCurrentUser, filter: TListFilter) {
  const where = await registerWhere(user, "practitioners.read", filter);
  const [rows, total] = await Promise.all([
    prisma.practitioner.findMany({ where, orderBy: registerOrderBy(filter), skip: (filter.page - 1) * REGISTER_PAGE_SIZE, take: REGISTER_PAGE_SIZE, select: practitionerListSelect }),
    prisma.practitioner.count({ where }),
  ]);
  const [districts, organizations, counting] = await Promise.all([
    districtNames(rows.map((r) => r.regionPath)),
    organizationNames(rows.map((r) => r.organizationId)),
    countingFor(rows.map((r) => r.id)),
  ]);
  const items = rows.map(({ regionPath, organizationId, ...r }) => ({
    ...r,
    organization: organizationId ? (organizations.get(organizationId) ?? null) : null,
    district: districts.get(districtIdOf(regionPath) ?? "") ?? null,
    counting: counting.get(r.id)!,
  }));
  return toPage(items, total, filter.page, REGISTER_PAGE_SIZE);
}
export type TRegisterRow = Awaited<ReturnType<typeof listPractitioners>>["items"][number];

const detailSelect = {
  ...practitionerDetailSelect,
  organization: { select: { ...namedSelect, kind: true } },
  awards: { select: { id: true, name: true, level: true, year: true }, orderBy: [{ year: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }] },
  statusHistory: { select: { id: true, status: true, effectiveFrom: true, note: true, createdAt: true }, orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }] },
} satisfies Prisma.PractitionerSelect;

async function findInScope(user: TCurrentUser, action: TAction, id: string) {
  if (!id || id.length > 64) return null;
  const row = await prisma.practitioner.findFirst({ where: { AND: [practitionerScope(user, action), { id }] }, select: detailSelect });
  if (!row) return null;
  const { regionPath, birthDate, ...rest } = row;
  const [districts, counting] = await Promise.all([districtNames([regionPath]), countingFor([row.id])]);
  return {
    ...rest,
    ...birthView(birthDate, seesFullBirthDate(user, { id: row.id, regionPath, organizationId: row.organizationId })),
    district: districts.get(districtIdOf(regionPath) ?? "") ?? null,
    /** Where the record lives, for the matrix's checks on what the page offers (edit, …). */
    target: { regionPath, organizationId: row.organizationId, practitionerId: row.id },
    counting: counting.get(row.id)!,
  };
}

/** One practitioner the caller may read, or null (outside the scope looks the same as missing). */
export function getPractitioner(user: TCurrentUser, id: string) {
  return findInScope(user, "practitioners.read", id);
}
export type TPractitionerDetail = NonNullable<Awaited<ReturnType<typeof getPractitioner>>>;

/** One practitioner the caller may edit, or null. */
export function getPractitionerForEdit(user: TCurrentUser, id: string) {
  return findInScope(user, "practitioners.update", id);
}

/** Employers the caller may assign: organisations inside their scope for `action`. */
export async function employerOptions(user: TCurrentUser, action: "practitioners.create" | "practitioners.update") {
  return prisma.organization.findMany({
    where: organizationScope(user, action),
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { ...namedSelect, kind: true },
    take: 2000,
  });
}

/**
 * What an empty register says about the caller's scope: which it is, and for a department, its
 * name and how many organisations it supervises (the usual reason a department sees nobody).
 */
export async function registerScopeContext(user: TCurrentUser) {
  const scope = scopeOf(user.role, "practitioners.read");
  if (scope !== "department" || !user.organizationId) return { scope, organization: null, supervised: 0 };
  const [organization, supervised] = await Promise.all([
    prisma.organization.findUnique({ where: { id: user.organizationId }, select: namedSelect }),
    prisma.organization.count({ where: { supervisingDepartmentId: user.organizationId } }),
  ]);
  return { scope, organization, supervised };
}
export type TRegisterScopeContext = Awaited<ReturnType<typeof registerScopeContext>>;

/** Filter options of the register list, within the caller's read scope. */
export async function registerFilterOptions(user: TCurrentUser) {
  const scope = scopeOf(user.role, "practitioners.read");
  const wide = scope === "city" || scope === "district" || scope === "department";
  const [districts, employers] = await Promise.all([
    scope === "city" ? prisma.region.findMany({ where: { AND: [regionScope(user, "regions.read"), { level: "DISTRICT" }] }, orderBy: { code: "asc" }, select: namedSelect }) : Promise.resolve([]),
    wide ? prisma.organization.findMany({ where: { AND: [organizationScope(user, "organizations.read"), { practitioners: { some: {} } }] }, orderBy: { name: "asc" }, select: namedSelect, take: 1000 }) : Promise.resolve([]),
  ]);
  return { districts, employers };
}
