import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { env } from "@/env";
import { prisma } from "@/server/db";
import { practitionerScope, regionScope } from "@/server/authz/scope";
import { namedSelect } from "@/server/select";
import { scopeOf, type TPrincipal } from "@/domain/authz/matrix";
import { toPage } from "@/lib/pagination";
import { checkIdNumber, normaliseIdNumber } from "@/lib/id-number";
import { idNumberLookupHash } from "@/lib/id-crypto";
import type { TSittingListFilter } from "@/domain/exams/list-filter";
import { sittingScope } from "./scope";
import { sittingRowSelect } from "./select";

// Exam sittings as officials and practitioners read them: the list in the caller's scope
// (exams.read) with its filters, a practitioner's own, and the people an official may record a
// sitting for (exams.record), found by name or by their full ID number.

export const SITTINGS_PAGE_SIZE = 25;
export const CANDIDATE_LIMIT = 20;

const sittingOrder: Prisma.ExamSittingOrderByWithRelationInput[] = [{ year: "desc" }, { practitioner: { name: "asc" } }, { level: "asc" }, { id: "asc" }];

/** The list's where-clause: the caller's scope AND every filter. */
async function sittingWhere(user: TPrincipal, f: TSittingListFilter): Promise<Prisma.ExamSittingWhereInput> {
  const and: Prisma.ExamSittingWhereInput[] = [sittingScope(user, "exams.read")];
  if (f.year) and.push({ year: f.year });
  if (f.level) and.push({ level: f.level });
  if (f.result) and.push({ result: f.result });
  if (f.district) {
    const district = await prisma.region.findFirst({ where: { id: f.district, level: "DISTRICT" }, select: { path: true } });
    and.push(district ? { practitioner: { regionPath: { startsWith: district.path } } } : { id: { in: [] } });
  }
  if (f.q) and.push({ practitioner: { name: { contains: f.q, mode: "insensitive" } } });
  return { AND: and };
}

export async function listSittings(user: TPrincipal, f: TSittingListFilter) {
  const where = await sittingWhere(user, f);
  const [items, total] = await Promise.all([
    prisma.examSitting.findMany({ where, orderBy: sittingOrder, skip: (f.page - 1) * SITTINGS_PAGE_SIZE, take: SITTINGS_PAGE_SIZE, select: sittingRowSelect }),
    prisma.examSitting.count({ where }),
  ]);
  return toPage(items, total, f.page, SITTINGS_PAGE_SIZE);
}

/** The same rows for the Excel export, all pages, in the list's order. */
export async function sittingsForExport(user: TPrincipal, f: TSittingListFilter) {
  const where = await sittingWhere(user, f);
  return {
    count: () => prisma.examSitting.count({ where }),
    page: (skip: number, take: number) => prisma.examSitting.findMany({ where, orderBy: sittingOrder, skip, take, select: sittingRowSelect }),
  };
}

/** The district filter's choices (city only) and the years sittings exist for in scope. */
export async function sittingFilterOptions(user: TPrincipal) {
  const city = scopeOf(user.role, "exams.read") === "city";
  const [districts, years] = await Promise.all([
    city ? prisma.region.findMany({ where: { AND: [regionScope(user, "regions.read"), { level: "DISTRICT" }] }, orderBy: { code: "asc" }, select: namedSelect }) : Promise.resolve([]),
    prisma.examSitting.groupBy({ by: ["year"], where: sittingScope(user, "exams.read"), orderBy: { year: "desc" } }),
  ]);
  return { districts, years: years.map((y) => y.year) };
}

/** A practitioner's own sittings, newest first (exams.read, self). */
export async function mySittings(user: TPrincipal) {
  if (!user.practitionerId || scopeOf(user.role, "exams.read") !== "self") return null;
  return prisma.examSitting.findMany({
    where: { AND: [sittingScope(user, "exams.read"), { practitionerId: user.practitionerId }] },
    orderBy: [{ year: "desc" }, { level: "asc" }],
    select: { id: true, year: true, level: true, result: true, source: true, createdAt: true },
  });
}

/**
 * People an official may record a sitting for: in their exams.record scope, found by part of the
 * name or by the full resident ID number (matched on its keyed hash; the number is never shown,
 * only its mask). Without a search: nobody (the register is long).
 */
export async function sittingCandidates(user: TPrincipal, q: string) {
  const text = q.trim();
  if (!text) return { items: [], more: false };
  const id = normaliseIdNumber(text);
  const byId = checkIdNumber(id) === null ? { idNumberHash: idNumberLookupHash(env.ID_ENCRYPTION_KEY, id) } : null;
  const rows = await prisma.practitioner.findMany({
    where: { AND: [practitionerScope(user, "exams.record"), byId ?? { name: { contains: text, mode: "insensitive" } }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: CANDIDATE_LIMIT + 1,
    select: { id: true, name: true, idNumberMasked: true, qualificationLevel: true, status: true, organization: { select: namedSelect } },
  });
  return { items: rows.slice(0, CANDIDATE_LIMIT), more: rows.length > CANDIDATE_LIMIT };
}
