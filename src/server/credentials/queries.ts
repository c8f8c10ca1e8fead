import "server-only";
import { derivedFactsSelect } from "@/server/practitioners/select";
import { prisma } from "@/server/db";
import { namedSelect, nameOnlySelect } from "@/server/select";
import { credentialSelect } from "./select";
import { practitionerScope, regionScope } from "@/server/authz/scope";
import { can } from "@/domain/authz/matrix";
import type { TCurrentUser } from "@/server/auth/session";
import type { Prisma } from "@/generated/prisma/client";
import { DEFAULT_PAGE_SIZE, toPage } from "@/lib/pagination";
import { CREDENTIAL_KINDS, CREDENTIAL_STATUSES } from "@/domain/credentials/schemas";
import { canonicalNumber } from "@/lib/canonical-number";
import { countingFor } from "@/server/practitioners/counting";
import { getQualificationSettings } from "@/server/plan/qualification-settings";
import { daysLeft, registrationStatus } from "@/domain/registrations/rules";
import { todayInCity } from "@/domain/common/calendar-day";

// Every query carries the caller's scope in its where-clause: a credential of a practitioner
// outside the scope is indistinguishable from one that does not exist.

export type TCredentialRow = Prisma.CredentialGetPayload<{ select: typeof credentialSelect }>;

const eventSelect = { id: true, fromStatus: true, toStatus: true, reason: true, actorName: true, at: true } as const;

/** The practitioner's credentials with their history, or null when the practitioner is out of scope. */
export async function credentialsOfPractitioner(user: TCurrentUser, practitionerId: string) {
  const practitioner = await prisma.practitioner.findFirst({
    where: { AND: [{ id: practitionerId }, practitionerScope(user, "credentials.read")] },
    select: { id: true, name: true, regionPath: true, organizationId: true },
  });
  if (!practitioner) return null;
  const credentials = await prisma.credential.findMany({
    where: { practitionerId },
    orderBy: [{ createdAt: "desc" }],
    select: { ...credentialSelect, events: { select: eventSelect, orderBy: { at: "asc" } } },
  });
  return { practitioner, credentials };
}

export type TQueueFilters = { q?: string; kind?: string; status?: string; district?: string; page: number; pageSize?: number };

/** The queue's where-clause and order for a filter (shared by the page and its export). */
export function verificationQueueWhere(user: TCurrentUser, f: Omit<TQueueFilters, "page">) {
  const status = (CREDENTIAL_STATUSES as readonly string[]).includes(f.status ?? "") ? (f.status as (typeof CREDENTIAL_STATUSES)[number]) : "SUBMITTED";
  const kind = (CREDENTIAL_KINDS as readonly string[]).includes(f.kind ?? "") ? (f.kind as (typeof CREDENTIAL_KINDS)[number]) : undefined;
  const q = f.q?.trim().slice(0, 100);
  const practitionerWhere: Prisma.PractitionerWhereInput[] = [practitionerScope(user, "credentials.verify")];
  if (f.district && /^[\w-]{1,64}$/.test(f.district)) practitionerWhere.push({ region: { path: { contains: `/${f.district}/` } } });
  const where: Prisma.CredentialWhereInput = {
    status,
    ...(kind ? { kind } : {}),
    practitioner: { AND: practitionerWhere },
    // Numbers are stored canonical: one typed in lower case, full-width or with dashes still finds its credential.
    ...(q ? { OR: [...(canonicalNumber(q) ? [{ number: { contains: canonicalNumber(q) } }] : []), { practitioner: { name: { contains: q, mode: "insensitive" as const } } }] } : {}),
  };
  const orderBy: Prisma.CredentialOrderByWithRelationInput[] = [{ createdAt: status === "SUBMITTED" ? "asc" : "desc" }, { id: "asc" }];
  return { where, orderBy, status, kind: kind ?? null };
}

/** A queue row's practitioner: who, where they work, their district. */
export const queuePractitionerSelect = { select: { id: true, name: true, organization: { select: nameOnlySelect }, region: { select: nameOnlySelect } } } as const;

/** The verification queue: pending credentials (by default) in the verifier's scope, oldest first. */
export async function verificationQueue(user: TCurrentUser, f: TQueueFilters) {
  const pageSize = f.pageSize ?? DEFAULT_PAGE_SIZE;
  const { where, orderBy, status } = verificationQueueWhere(user, f);
  const [total, items] = await Promise.all([
    prisma.credential.count({ where }),
    prisma.credential.findMany({
      where,
      orderBy,
      skip: (f.page - 1) * pageSize,
      take: pageSize,
      select: { ...credentialSelect, practitioner: queuePractitionerSelect },
    }),
  ]);
  return { ...toPage(items, total, f.page, pageSize), status };
}

/** Districts the verifier may filter by (the city administrator sees all; an officer only theirs). */
export async function queueDistricts(user: TCurrentUser) {
  if (!can(user, "credentials.verify")) return [];
  const where: Prisma.RegionWhereInput = { AND: [{ level: "DISTRICT" }, regionScope(user, "credentials.verify")] };
  return prisma.region.findMany({ where, orderBy: { code: "asc" }, select: namedSelect });
}

/** My profile: the practitioner's own derived facts and credentials. */
export async function myProfile(user: TCurrentUser) {
  if (!user.practitionerId) return null;
  const practitioner = await prisma.practitioner.findFirst({
    where: { AND: [{ id: user.practitionerId }, practitionerScope(user, "practitioners.read")] },
    select: {
      id: true,
      name: true,
      status: true,
      version: true,
      phone: true,
      email: true,
      ...derivedFactsSelect,
      organization: { select: nameOnlySelect },
    },
  });
  if (!practitioner) return null;
  const [credentials, counting, settings, pendingCpd] = await Promise.all([
    prisma.credential.findMany({
      where: { practitionerId: practitioner.id },
      orderBy: [{ createdAt: "desc" }],
      select: { ...credentialSelect, events: { select: eventSelect, orderBy: { at: "asc" } } },
    }),
    countingFor([practitioner.id]),
    getQualificationSettings(),
    // Continuing-education hours waiting for verification, in any period (the panel shows the current period's).
    prisma.cpdEntry.aggregate({ where: { practitionerId: practitioner.id, status: "SUBMITTED" }, _sum: { halfHours: true } }),
  ]);
  // When the registration (of the latest-ending verified certificate) is due: the city's window before its end.
  const today = todayInCity();
  const end = practitioner.registrationEnd;
  const registration = end
    ? { end, dueFrom: new Date(end.getTime() - settings.registrationDueDays * 86_400_000), status: registrationStatus(end, today, settings.registrationDueDays), daysLeft: daysLeft(end, today) }
    : null;
  return {
    practitioner,
    counting: counting.get(practitioner.id)!,
    registration,
    credentials,
    pending: credentials.filter((c) => c.status === "SUBMITTED"),
    rejected: credentials.filter((c) => c.status === "REJECTED"),
    pendingCpdHours: (pendingCpd._sum.halfHours ?? 0) / 2,
  };
}

/** A stored scan, only when the caller may read the credential it belongs to. */
export async function scanForDownload(user: TCurrentUser, fileId: string) {
  return prisma.storedFile.findFirst({
    where: { id: fileId, credential: { practitioner: practitionerScope(user, "credentials.read") } },
    select: { id: true, storageKey: true, mimeType: true, size: true, originalName: true, sha256: true, credential: { select: { id: true, practitionerId: true, number: true } } },
  });
}
