import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { namedSelect, nameOnlySelect } from "@/server/select";
import { organizationScope, regionScope, userScope } from "@/server/authz/scope";
import { can } from "@/domain/authz/matrix";
import type { TCurrentUser } from "@/server/auth/session";
import { toPage } from "@/lib/pagination";
import { todayInCity } from "@/domain/common/calendar-day";
import type { TIntegrityFlag } from "@/domain/agencies/integrity";
import { integrityFlagsFor } from "@/server/agencies/integrity";
import { canonicalNumber } from "@/lib/canonical-number";

const PAGE_SIZE = 25;

export const ORGANIZATION_KINDS = [
  "GOVERNMENT_DEPARTMENT",
  "AGENCY",
  "WELFARE_INSTITUTION",
  "SCHOOL",
  "HOSPITAL",
  "COMMUNITY",
  "PARTY_SERVICE_CENTER",
  "PUBLIC_WELFARE_ORG",
  "TRAINING_PROVIDER",
  "EVALUATION_BODY",
  "UNIVERSITY",
  "ENTERPRISE",
] as const;
export type TOrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export type TOrganizationFilter = { q?: string; kind?: string; district?: string; page: number };

export async function listOrganizations(user: TCurrentUser, filter: TOrganizationFilter) {
  const and: Prisma.OrganizationWhereInput[] = [organizationScope(user, "organizations.read")];
  const q = filter.q?.trim();
  if (q) and.push({ OR: [{ name: { contains: q, mode: "insensitive" } }, { nameEn: { contains: q, mode: "insensitive" } }, ...(canonicalNumber(q) ? [{ creditCode: { contains: canonicalNumber(q) } }] : [])] });
  if ((ORGANIZATION_KINDS as readonly string[]).includes(filter.kind ?? "")) and.push({ kind: filter.kind as TOrganizationKind });
  if (filter.district) and.push({ region: { path: { contains: `/${filter.district}/` } } });
  const where = { AND: and };
  const [items, total] = await Promise.all([
    prisma.organization.findMany({
      where,
      orderBy: [{ kind: "asc" }, { name: "asc" }, { id: "asc" }],
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        name: true,
        nameHant: true,
        nameEn: true,
        departmentType: true,
        adminLevel: true,
        hospitalLevel: true,
        region: { select: { ...nameOnlySelect, level: true, path: true } },
        supervisingDepartment: { select: namedSelect },
      },
    }),
    prisma.organization.count({ where }),
  ]);
  // Agencies on the blacklist or the abnormal-operation list are flagged wherever they are listed.
  const flags = await integrityFlagsFor(items.filter((o) => o.kind === "AGENCY").map((o) => o.id), todayInCity());
  return toPage(
    items.map((o) => ({ ...o, flags: flags.get(o.id) ?? ([] as TIntegrityFlag[]) })),
    total,
    filter.page,
    PAGE_SIZE,
  );
}

/** Districts the caller may filter by. */
export async function districtOptions(user: TCurrentUser) {
  return prisma.region.findMany({
    where: { AND: [regionScope(user, "regions.read"), { level: "DISTRICT" }] },
    orderBy: { code: "asc" },
    select: namedSelect,
  });
}

/** Figures for the home page: what lies inside the caller's scope, counted in SQL. */
export async function scopeSummary(user: TCurrentUser) {
  const orgWhere = organizationScope(user, "organizations.read");
  const mayOrgs = can(user, "organizations.read");
  const mayRegions = can(user, "regions.read");
  const regionWhere = regionScope(user, "regions.read");
  const [organizations, agencies, streets, communities, users, byKind] = await Promise.all([
    mayOrgs ? prisma.organization.count({ where: orgWhere }) : Promise.resolve(null),
    mayOrgs ? prisma.organization.count({ where: { AND: [orgWhere, { kind: "AGENCY" }] } }) : Promise.resolve(null),
    mayRegions ? prisma.region.count({ where: { AND: [regionWhere, { level: "STREET" }] } }) : Promise.resolve(null),
    mayRegions ? prisma.region.count({ where: { AND: [regionWhere, { level: "COMMUNITY" }] } }) : Promise.resolve(null),
    can(user, "users.read") ? prisma.user.count({ where: userScope(user, "users.read") }) : Promise.resolve(null),
    mayOrgs ? prisma.organization.groupBy({ by: ["kind"], where: orgWhere, _count: { _all: true }, orderBy: { kind: "asc" } }) : Promise.resolve([]),
  ]);
  return {
    organizations,
    agencies,
    streets,
    communities,
    users,
    byKind: byKind.map((k) => ({ kind: k.kind, count: k._count._all })),
  };
}

/** One organisation whose supervising department the caller may set, or null. */
export async function getOrganizationForSupervision(user: TCurrentUser, id: string) {
  if (!id || id.length > 64) return null;
  return prisma.organization.findFirst({
    where: { AND: [organizationScope(user, "organizations.setSupervisingDepartment"), { id }] },
    select: { ...namedSelect, kind: true, version: true, departmentType: true, region: { select: nameOnlySelect }, supervisingDepartmentId: true, _count: { select: { supervised: true } } },
  });
}

/** The government departments an organisation may be placed under, by level then name. */
export async function supervisingDepartmentOptions(user: TCurrentUser) {
  return prisma.organization.findMany({
    where: { AND: [organizationScope(user, "organizations.setSupervisingDepartment"), { kind: "GOVERNMENT_DEPARTMENT" }] },
    orderBy: [{ adminLevel: "asc" }, { name: "asc" }, { id: "asc" }],
    select: { ...namedSelect, departmentType: true, region: { select: nameOnlySelect } },
    take: 2000,
  });
}
