import "server-only";
import { applicationParticularsSelect } from "./application-select";
import { prisma } from "@/server/db";
import { namedSelect } from "@/server/select";
import { applicationScope, regionScope } from "@/server/authz/scope";
import { can } from "@/domain/authz/matrix";
import type { TCurrentUser } from "@/server/auth/session";
import type { Prisma } from "@/generated/prisma/client";
import { DEFAULT_PAGE_SIZE, toPage } from "@/lib/pagination";
import { APPLICATION_STATUSES, type TApplicationStatus } from "@/domain/agencies/enums";
import { referenceSearchTerms } from "@/domain/agencies/application-rules";
import { canonicalNumber } from "@/lib/canonical-number";

// Reads for the review pages. Every query carries applicationScope in its where-clause: an
// application outside the caller's district is indistinguishable from one that does not exist.

const regionNames = { select: namedSelect } as const;

/** The city's districts, for the public form's select (no sign-in: names only). */
export async function publicDistricts() {
  return prisma.region.findMany({ where: { level: "DISTRICT" }, orderBy: { code: "asc" }, select: namedSelect });
}

export type TApplicationFilters = { q?: string; status?: string; district?: string; page: number; pageSize?: number };

export function parseStatus(value: string | undefined): TApplicationStatus | undefined {
  return (APPLICATION_STATUSES as readonly string[]).includes(value ?? "") ? (value as TApplicationStatus) : undefined;
}

/** The review queue's where-clause for a filter: status, district and a search over name, credit code and reference. */
export function applicationListWhere(user: TCurrentUser, f: Omit<TApplicationFilters, "page">) {
  const status = parseStatus(f.status);
  const q = f.q?.trim().slice(0, 100);
  const and: Prisma.AgencyApplicationWhereInput[] = [applicationScope(user, "agencyApplications.read")];
  if (status) and.push({ status });
  if (f.district && /^[\w-]{1,64}$/.test(f.district)) and.push({ regionId: f.district });
  if (q) {
    // Credit codes are stored canonical; references keep their SA-<year>-<sequence> form.
    const code = canonicalNumber(q);
    and.push({
      OR: [
        { name: { contains: q, mode: "insensitive" } },
        ...(code ? [{ creditCode: { contains: code } }] : []),
        { reference: { contains: q, mode: "insensitive" } },
        ...referenceSearchTerms(q).map((term) => ({ reference: { contains: term, mode: "insensitive" as const } })),
      ],
    });
  }
  const where: Prisma.AgencyApplicationWhereInput = { AND: and };
  return { where, status, orderBy: [{ submittedAt: "desc" }, { id: "desc" }] satisfies Prisma.AgencyApplicationOrderByWithRelationInput[] };
}

/** The review queue: newest first, filtered by status, district and a search over name, credit code and reference. */
export async function listApplications(user: TCurrentUser, f: TApplicationFilters) {
  const pageSize = f.pageSize ?? DEFAULT_PAGE_SIZE;
  const { where, status, orderBy } = applicationListWhere(user, f);
  const [total, items] = await Promise.all([
    prisma.agencyApplication.count({ where }),
    prisma.agencyApplication.findMany({
      where,
      orderBy,
      skip: (f.page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        reference: true,
        name: true,
        creditCode: true,
        status: true,
        returnedFrom: true,
        regionPath: true,
        submittedAt: true,
        updatedAt: true,
        region: regionNames,
      },
    }),
  ]);
  return { ...toPage(items, total, f.page, pageSize), status };
}

/** Counts per status in the caller's scope, for the queue's summary chips. */
export async function applicationCounts(user: TCurrentUser) {
  const rows = await prisma.agencyApplication.groupBy({ by: ["status"], where: applicationScope(user, "agencyApplications.read"), _count: { _all: true } });
  const out = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<TApplicationStatus, number>;
  for (const r of rows) out[r.status] = r._count._all;
  return out;
}

/** Districts the reviewer may filter by (the city administrator: all; a district officer: theirs). */
export async function applicationDistricts(user: TCurrentUser) {
  if (!can(user, "agencyApplications.read")) return [];
  const where: Prisma.RegionWhereInput = { AND: [{ level: "DISTRICT" }, regionScope(user, "agencyApplications.read")] };
  return prisma.region.findMany({ where, orderBy: { code: "asc" }, select: namedSelect });
}

/** One application with its history, or null when it does not exist or is out of scope. */
export async function getApplication(user: TCurrentUser, id: string) {
  if (!/^[\w-]{1,64}$/.test(id)) return null;
  return prisma.agencyApplication.findFirst({
    where: { AND: [{ id }, applicationScope(user, "agencyApplications.read")] },
    select: {
      ...applicationParticularsSelect,
      submittedAt: true,
      region: regionNames,
      organization: { select: namedSelect },
      registrationScanFile: { select: { id: true, mimeType: true, size: true, originalName: true } },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, step: true, decision: true, reason: true, commentForCity: true, actorName: true, actorId: true, at: true } },
    },
  });
}

export type TApplicationDetail = NonNullable<Awaited<ReturnType<typeof getApplication>>>;

/**
 * The certificate scan, for the download route and the viewer's inline route (the same answer for
 * both): only for a reviewer who may see the application; null for anyone else or a wrong id.
 */
export async function registrationScanFor(user: TCurrentUser, applicationId: string) {
  if (!can(user, "agencyApplications.read") || !/^[\w-]{1,64}$/.test(applicationId)) return null;
  const app = await prisma.agencyApplication.findFirst({
    where: { AND: [{ id: applicationId }, applicationScope(user, "agencyApplications.read")] },
    select: { id: true, reference: true, registrationScanFile: { select: { id: true, storageKey: true, mimeType: true, originalName: true } } },
  });
  if (!app?.registrationScanFile) return null;
  return {
    file: app.registrationScanFile,
    belongsTo: { agencyApplicationId: app.id, reference: app.reference },
    name: { kind: "registration-certificate", reference: app.reference },
  };
}
