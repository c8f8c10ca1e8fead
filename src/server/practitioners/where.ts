import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TTx } from "@/server/db";
import { prisma } from "@/server/db";
import { practitionerScope } from "@/server/authz/scope";
import type { TAction, TPrincipal } from "@/domain/authz/matrix";
import type { TListFilter } from "@/domain/practitioners/list-filter";
import { todayInCity } from "@/domain/common/calendar-day";
import { getQualificationSettings } from "@/server/plan/qualification-settings";
import { canonicalNumber } from "@/lib/canonical-number";

const DAY = 86_400_000;

/**
 * The register's where-clause: the caller's scope for `action` AND every filter. The search
 * matches a partial name (ILIKE, served by the trigram index) or a certificate or registration
 * number (exact or prefix); number hits are looked up first so the main query stays one index scan.
 */
export async function registerWhere(principal: TPrincipal, action: TAction, f: TListFilter, db: TTx | typeof prisma = prisma): Promise<Prisma.PractitionerWhereInput> {
  const and: Prisma.PractitionerWhereInput[] = [practitionerScope(principal, action)];
  if (f.q) {
    const or: Prisma.PractitionerWhereInput[] = [{ name: { contains: f.q, mode: "insensitive" } }];
    // Numbers are stored canonical, so the search compares the canonical form of what was typed
    // (case, full-width characters, spaces and dashes do not matter). Certificate numbers carry
    // digits; a name search never needs this extra look-up.
    const number = canonicalNumber(f.q);
    if (/\d/.test(number)) {
      const hits = await db.credential.findMany({
        where: { number: { startsWith: number } },
        select: { practitionerId: true },
        distinct: ["practitionerId"],
        take: 1000,
      });
      const regHits = await db.registration.findMany({
        where: { number: { startsWith: number } },
        select: { practitionerId: true },
        distinct: ["practitionerId"],
        take: 1000,
      });
      const ids = [...new Set([...hits, ...regHits].map((h) => h.practitionerId))];
      if (ids.length) or.push({ id: { in: ids } });
    }
    and.push({ OR: or });
  }
  if (f.district) {
    const district = await db.region.findFirst({ where: { id: f.district, level: "DISTRICT" }, select: { path: true } });
    and.push(district ? { regionPath: { startsWith: district.path } } : { id: { in: [] } });
  }
  if (f.employer) and.push({ organizationId: f.employer });
  if (f.level) and.push({ qualificationLevel: f.level });
  if (f.counts) and.push({ isQualified: f.counts === "yes" });
  if (f.entryPath) and.push({ entryPath: f.entryPath });
  if (f.field) and.push({ practiceFields: { has: f.field } });
  if (f.group) and.push({ targetGroups: { has: f.group } });
  if (f.status) and.push({ status: f.status });
  if (f.registration || f.regEnds !== null) {
    // Registration status follows from the period's end and today (registrationEnd is derived).
    const today = todayInCity();
    const dueUntil = new Date(today.getTime() + (await getQualificationSettings(db)).registrationDueDays * DAY);
    if (f.registration === "current") and.push({ registrationEnd: { gt: dueUntil } });
    if (f.registration === "due") and.push({ registrationEnd: { gte: today, lte: dueUntil } });
    if (f.registration === "lapsed") and.push({ registrationEnd: { lt: today } });
    if (f.registration === "none") and.push({ registrationEnd: null });
    if (f.regEnds !== null) and.push({ registrationEnd: { gte: today, lte: new Date(today.getTime() + f.regEnds * DAY) } });
  }
  return { AND: and };
}

export function registerOrderBy(f: TListFilter): Prisma.PractitionerOrderByWithRelationInput[] {
  const dir = f.dir;
  const tail: Prisma.PractitionerOrderByWithRelationInput = { id: "asc" };
  switch (f.sort) {
    case "qualifiedSince":
      return [{ qualifiedSince: { sort: dir, nulls: "last" } }, tail];
    case "entryDate":
      return [{ entryDate: { sort: dir, nulls: "last" } }, tail];
    case "updatedAt":
      return [{ updatedAt: dir }, tail];
    default:
      return [{ name: dir }, tail];
  }
}

/** District ids are the second segment of a region path: "/city/district/…/". */
export function districtIdOf(regionPath: string | null): string | null {
  return regionPath?.split("/").filter(Boolean)[1] ?? null;
}
