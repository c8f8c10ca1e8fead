import "server-only";
import { agencyListSelect, agencyParticularsSelect, agencyPublicDetailSelect, agencyPublicListSelect, integrityRecordSelect } from "./select";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { namedSelect } from "@/server/select";
import { applicationScope, organizationScope, regionScope } from "@/server/authz/scope";
import { can, scopeOf, type TTarget } from "@/domain/authz/matrix";
import type { TCurrentUser } from "@/server/auth/session";
import { districtIdOf } from "@/server/practitioners/where";
import { districtNames } from "@/server/practitioners/queries";
import { toPage } from "@/lib/pagination";
import { todayInCity } from "@/domain/common/calendar-day";
import type { TIntegrityFlag } from "@/domain/agencies/integrity";
import type { TAgencyListFilter, TPublicAgencyFilter } from "@/domain/agencies/list-filter";
import { flaggedOrganizationWhere, integrityFlagsFor } from "./integrity";
import { canonicalNumber } from "@/lib/canonical-number";

export const AGENCY_PAGE_SIZE = 25;
export const PUBLIC_AGENCY_PAGE_SIZE = 20;

/**
 * Where an agency lives, for page gates: requirePermission(action, target) answers 403 for an
 * agency outside the caller's scope (audited) and the page answers 404 for no agency at all.
 */
export async function agencyTarget(id: string): Promise<(TTarget & { entity: string; entityId: string }) | null> {
  if (!id || id.length > 64) return null;
  const row = await prisma.organization.findFirst({ where: { id, kind: "AGENCY" }, select: { id: true, region: { select: { path: true } } } });
  return row ? { organizationId: row.id, regionPath: row.region.path, entity: "Organization", entityId: row.id } : null;
}

/** Active staff per agency: everyone whose current employer it is, and of them who counts (isQualified). */
export async function staffCountsFor(orgIds: string[]): Promise<Map<string, { total: number; qualified: number }>> {
  const out = new Map<string, { total: number; qualified: number }>();
  if (!orgIds.length) return out;
  const rows = await prisma.practitioner.groupBy({
    by: ["organizationId", "isQualified"],
    where: { organizationId: { in: orgIds }, status: "ACTIVE" },
    _count: { _all: true },
  });
  for (const r of rows) {
    if (!r.organizationId) continue;
    const c = out.get(r.organizationId) ?? { total: 0, qualified: 0 };
    c.total += r._count._all;
    if (r.isQualified) c.qualified += r._count._all;
    out.set(r.organizationId, c);
  }
  return out;
}

/** Agencies that are active members of the city social-work association. */
async function associationMembersOf(orgIds: string[]): Promise<Set<string>> {
  if (!orgIds.length) return new Set();
  const rows = await prisma.associationMembership.findMany({
    where: { memberType: "AGENCY", organizationId: { in: orgIds }, status: "ACTIVE" },
    select: { organizationId: true },
  });
  return new Set(rows.map((r) => r.organizationId).filter((x): x is string => !!x));
}

async function districtWhere(districtId: string): Promise<Prisma.OrganizationWhereInput> {
  const district = await prisma.region.findFirst({ where: { id: districtId, level: "DISTRICT" }, select: { path: true } });
  return district ? { region: { path: { startsWith: district.path } } } : { id: { in: [] } };
}

function searchWhere(q: string): Prisma.OrganizationWhereInput {
  return {
    OR: [
      { name: { contains: q, mode: "insensitive" } },
      { nameHant: { contains: q, mode: "insensitive" } },
      { nameEn: { contains: q, mode: "insensitive" } },
      // Credit codes are stored canonical: a code typed with spaces, dashes or in lower case still finds its agency.
      ...(canonicalNumber(q) ? [{ creditCode: { startsWith: canonicalNumber(q) } }] : []),
    ],
  };
}

export async function agencyListWhere(user: TCurrentUser, f: TAgencyListFilter, day: Date): Promise<Prisma.OrganizationWhereInput> {
  const and: Prisma.OrganizationWhereInput[] = [organizationScope(user, "agencies.read"), { kind: "AGENCY" }];
  if (f.q) and.push(searchWhere(f.q));
  if (f.district) and.push(await districtWhere(f.district));
  if (f.status) and.push({ agencyStatus: f.status });
  if (f.rating) and.push({ rating: f.rating === "none" ? null : f.rating });
  if (f.flagged) and.push(flaggedOrganizationWhere(day));
  if (f.privateOnly) and.push({ isPrivate: true });
  return { AND: and };
}

function agencyOrderBy(f: TAgencyListFilter): Prisma.OrganizationOrderByWithRelationInput[] {
  const tail: Prisma.OrganizationOrderByWithRelationInput[] = [{ name: "asc" }, { id: "asc" }];
  switch (f.sort) {
    case "rating":
      return [{ rating: { sort: f.dir, nulls: "last" } }, { ratingDate: { sort: "desc", nulls: "last" } }, ...tail];
    case "statusSince":
      return [{ agencyStatusSince: { sort: f.dir, nulls: "last" } }, ...tail];
    case "foundedOn":
      return [{ foundedOn: { sort: f.dir, nulls: "last" } }, ...tail];
    default:
      return [{ name: f.dir }, { id: "asc" }];
  }
}

/** A page of agency rows with what the list shows beside them: district, staff counts, flags and membership. */
async function agencyListRows(where: Prisma.OrganizationWhereInput, f: TAgencyListFilter, skip: number, take: number, day: Date) {
  const rows = await prisma.organization.findMany({ where, orderBy: agencyOrderBy(f), skip, take, select: agencyListSelect });
  const ids = rows.map((r) => r.id);
  const [districts, staff, flags, members] = await Promise.all([districtNames(rows.map((r) => r.region.path)), staffCountsFor(ids), integrityFlagsFor(ids, day), associationMembersOf(ids)]);
  return rows.map(({ region, ...r }) => ({
    ...r,
    district: districts.get(districtIdOf(region.path) ?? "") ?? null,
    staff: staff.get(r.id) ?? { total: 0, qualified: 0 },
    flags: flags.get(r.id) ?? ([] as TIntegrityFlag[]),
    isMember: members.has(r.id),
  }));
}

/** The officials' agency list: one page, with district, staff counts, flags and membership. */
export async function listAgencies(user: TCurrentUser, f: TAgencyListFilter, day = todayInCity()) {
  const where = await agencyListWhere(user, f, day);
  const [items, total] = await Promise.all([agencyListRows(where, f, (f.page - 1) * AGENCY_PAGE_SIZE, AGENCY_PAGE_SIZE, day), prisma.organization.count({ where })]);
  return toPage(items, total, f.page, AGENCY_PAGE_SIZE);
}

/** Every row of the officials' agency list for a filter, in pages (the export). */
export async function agencyListForExport(user: TCurrentUser, f: TAgencyListFilter, day = todayInCity()) {
  const where = await agencyListWhere(user, f, day);
  return { count: () => prisma.organization.count({ where }), page: (skip: number, take: number) => agencyListRows(where, f, skip, take, day) };
}
export type TAgencyRow = Awaited<ReturnType<typeof listAgencies>>["items"][number];

/** Districts the caller may filter the agency list by (city scope only; a district officer has one). */
export async function agencyDistrictOptions(user: TCurrentUser) {
  if (scopeOf(user.role, "agencies.read") !== "city") return [];
  return prisma.region.findMany({ where: { AND: [regionScope(user, "regions.read"), { level: "DISTRICT" }] }, orderBy: { code: "asc" }, select: namedSelect });
}

const detailSelect = {
  ...namedSelect,
  ...agencyParticularsSelect,
  updatedAt: true,
  region: { select: { ...namedSelect, path: true, level: true } },
  agencyStatusHistory: {
    select: { id: true, status: true, effectiveFrom: true, reason: true, actorName: true, createdAt: true },
    orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
  },
  ratings: { select: { id: true, rating: true, ratedOn: true, validUntil: true, source: true, createdAt: true }, orderBy: [{ ratedOn: "desc" }, { createdAt: "desc" }] },
  memberships: {
    where: { memberType: "AGENCY" },
    select: { id: true, memberNumber: true, joinedOn: true, status: true, endedOn: true },
    orderBy: [{ joinedOn: "desc" }, { createdAt: "desc" }],
  },
} satisfies Prisma.OrganizationSelect;

const integritySelect = { ...integrityRecordSelect, createdAt: true } satisfies Prisma.IntegrityRecordSelect;

/**
 * One agency's profile for a caller who may read it, or null. Integrity records only for
 * integrity.read; the originating application only for agencyApplications.read in scope.
 */
export async function getAgency(user: TCurrentUser, id: string, day = todayInCity()) {
  if (!id || id.length > 64) return null;
  const row = await prisma.organization.findFirst({ where: { AND: [organizationScope(user, "agencies.read"), { id, kind: "AGENCY" }] }, select: detailSelect });
  if (!row) return null;
  const mayIntegrity = can(user, "integrity.read");
  const [districts, staff, integrity, application] = await Promise.all([
    districtNames([row.region.path]),
    staffCountsFor([row.id]),
    mayIntegrity
      ? prisma.integrityRecord.findMany({
          where: { AND: [{ organizationId: row.id }, { organization: organizationScope(user, "integrity.read") }] },
          select: integritySelect,
          orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
        })
      : Promise.resolve(null),
    can(user, "agencyApplications.read")
      ? prisma.agencyApplication.findFirst({ where: { AND: [applicationScope(user, "agencyApplications.read"), { organizationId: row.id }] }, select: { id: true, reference: true, status: true } })
      : Promise.resolve(null),
  ]);
  const flags = (await integrityFlagsFor([row.id], day)).get(row.id) ?? [];
  const { region, ...rest } = row;
  return {
    ...rest,
    region: { id: region.id, name: region.name, nameHant: region.nameHant, nameEn: region.nameEn, level: region.level },
    regionPath: region.path,
    district: districts.get(districtIdOf(region.path) ?? "") ?? null,
    staff: staff.get(row.id) ?? { total: 0, qualified: 0 },
    flags,
    integrityRecords: integrity,
    application,
  };
}
export type TAgencyDetail = NonNullable<Awaited<ReturnType<typeof getAgency>>>;

/** The profile as the edit form needs it, for a caller who may edit it. */
export async function getAgencyForEdit(user: TCurrentUser, id: string) {
  if (!id || id.length > 64) return null;
  return prisma.organization.findFirst({
    where: { AND: [organizationScope(user, "agencies.updateProfile"), { id, kind: "AGENCY" }] },
    select: {
      ...namedSelect,
      version: true,
      legalRepresentative: true,
      address: true,
      foundedOn: true,
      isPrivate: true,
      contactName: true,
      contactPhone: true,
      contactEmail: true,
      serviceAreas: true,
      targetGroups: true,
    },
  });
}

/** An agency the caller may record integrity entries for (name only), or null. */
export async function getAgencyForIntegrity(user: TCurrentUser, id: string) {
  if (!id || id.length > 64) return null;
  return prisma.organization.findFirst({ where: { AND: [organizationScope(user, "integrity.manage"), { id, kind: "AGENCY" }] }, select: namedSelect });
}

/** One integrity record of an agency the caller may manage, or null. */
export async function getIntegrityRecordForEdit(user: TCurrentUser, organizationId: string, recordId: string) {
  if (!recordId || recordId.length > 64 || !organizationId || organizationId.length > 64) return null;
  return prisma.integrityRecord.findFirst({
    where: { id: recordId, organizationId, organization: { AND: [organizationScope(user, "integrity.manage"), { kind: "AGENCY" }] } },
    select: { ...integritySelect, organization: { select: namedSelect } },
  });
}

// ─── Public directory (no sign-in): active agencies and public facts only ──────────────

const publicBase: Prisma.OrganizationWhereInput = { kind: "AGENCY", agencyStatus: "ACTIVE" };

export async function listPublicAgencies(f: TPublicAgencyFilter, day = todayInCity()) {
  const and: Prisma.OrganizationWhereInput[] = [publicBase];
  if (f.q) and.push(searchWhere(f.q));
  if (f.district) and.push(await districtWhere(f.district));
  if (f.field) and.push({ serviceAreas: { has: f.field } });
  const where = { AND: and };
  const [rows, total] = await Promise.all([
    prisma.organization.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], skip: (f.page - 1) * PUBLIC_AGENCY_PAGE_SIZE, take: PUBLIC_AGENCY_PAGE_SIZE, select: agencyPublicListSelect }),
    prisma.organization.count({ where }),
  ]);
  const ids = rows.map((r) => r.id);
  const [districts, staff, flags] = await Promise.all([districtNames(rows.map((r) => r.region.path)), staffCountsFor(ids), integrityFlagsFor(ids, day)]);
  const items = rows.map(({ region, ...r }) => ({
    ...r,
    district: districts.get(districtIdOf(region.path) ?? "") ?? null,
    staff: staff.get(r.id) ?? { total: 0, qualified: 0 },
    flags: flags.get(r.id) ?? ([] as TIntegrityFlag[]),
  }));
  return toPage(items, total, f.page, PUBLIC_AGENCY_PAGE_SIZE);
}

/** Every district of the city, for the public directory's filter. */
export async function publicDistricts() {
  return prisma.region.findMany({ where: { level: "DISTRICT" }, orderBy: { code: "asc" }, select: namedSelect });
}

/** One active agency's public facts, or null. No personal data: only the agency's own contact phone. */
export async function getPublicAgency(id: string, day = todayInCity()) {
  if (!id || id.length > 64) return null;
  const row = await prisma.organization.findFirst({
    where: { AND: [publicBase, { id }] },
    select: agencyPublicDetailSelect,
  });
  if (!row) return null;
  const [districts, staff, flags] = await Promise.all([districtNames([row.region.path]), staffCountsFor([row.id]), integrityFlagsFor([row.id], day)]);
  const { region, ...rest } = row;
  return { ...rest, district: districts.get(districtIdOf(region.path) ?? "") ?? null, staff: staff.get(row.id) ?? { total: 0, qualified: 0 }, flags: flags.get(row.id) ?? ([] as TIntegrityFlag[]) };
}
