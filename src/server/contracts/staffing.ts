import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { prisma, type TTx } from "@/server/db";
import { deliver } from "@/server/notifications/mailer";
import { notify, recipientSelect } from "@/server/notifications/notify";
import { scopeOf, type TAction, type TPrincipal } from "@/domain/authz/matrix";
import { reuseWhileUnchanged } from "@/server/dashboards/cache";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import { shortfallSince } from "@/domain/contracts/staffing";
import type { TShortfallReason } from "@/domain/contracts/enums";
import { contractScopeSql } from "./scope";

// Staffing checked live against the register (issue 13, ★): nothing is stored about a shortfall.
// For each active contract, its named people today (ContractStaff open on the day) are compared
// with the register in one SQL query: who counts (status ACTIVE, employed by the contract's agency,
// a verified certificate, registration current), and for those who do not, why and since when.
// A contract falls short when the counting people miss the call's requirement; since when is the
// day enough of them had stopped counting (src/domain/contracts/staffing.ts).

const COUNTING_LEVELS = Prisma.sql`('ASSISTANT_SOCIAL_WORKER', 'SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER')`;

type TNamedRow = {
  contractId: string;
  reference: string;
  organizationId: string;
  agencyName: string;
  departmentId: string | null;
  minQualifiedStaff: number;
  minQualifiedPercent: number;
  named: number;
  counting: number;
  practitionerId: string | null;
  name: string | null;
  reason: TShortfallReason | null;
  since: Date | null;
};

export type TShortfallPerson = { practitionerId: string; name: string; reason: TShortfallReason; since: Date };
export type TContractShortfall = {
  contractId: string;
  reference: string;
  agencyName: string;
  organizationId: string;
  departmentId: string | null;
  since: Date;
  people: TShortfallPerson[];
};

/**
 * One query: the active contracts matching `where` (SQL over c = Contract, sc = ServiceCall) that
 * fall short today, one row per named person who does not count (with the contract's counts).
 */
async function shortfallRows(db: TTx | typeof prisma, where: Prisma.Sql, day: Date): Promise<TNamedRow[]> {
  return db.$queryRaw<TNamedRow[]>`
    WITH named AS (
      SELECT c."id" AS "contractId", c."reference", c."organizationId", o."name" AS "agencyName", sc."departmentId",
             c."minQualifiedStaff", c."minQualifiedPercent", cs."practitionerId", cs."from" AS "namedFrom", p."name",
             p."status", p."statusSince", p."organizationId" AS "employerId", p."qualificationLevel", p."registrationEnd",
             (p."status" = 'ACTIVE' AND p."organizationId" IS NOT DISTINCT FROM c."organizationId"
               AND p."qualificationLevel"::text IN ${COUNTING_LEVELS} AND p."registrationEnd" >= ${day}::date) AS "counts"
        FROM "Contract" c
        JOIN "ServiceCall" sc ON sc."id" = c."callId"
        JOIN "Organization" o ON o."id" = c."organizationId"
        JOIN "ContractStaff" cs ON cs."contractId" = c."id" AND cs."from" <= ${day}::date AND (cs."to" IS NULL OR cs."to" > ${day}::date)
        JOIN "Practitioner" p ON p."id" = cs."practitionerId"
       WHERE c."status" = 'ACTIVE' AND (${where})
    ), short AS (
      SELECT "contractId", count(*)::int AS "named", (count(*) FILTER (WHERE "counts"))::int AS "counting"
        FROM named
       GROUP BY "contractId", "minQualifiedStaff", "minQualifiedPercent"
      HAVING count(*) FILTER (WHERE "counts") < min("minQualifiedStaff")
          OR count(*) FILTER (WHERE "counts") * 100 < min("minQualifiedPercent") * count(*)
    )
    SELECT n."contractId", n."reference", n."organizationId", n."agencyName", n."departmentId",
           n."minQualifiedStaff", n."minQualifiedPercent", s."named", s."counting", n."practitionerId", n."name",
           CASE
             WHEN n."status" <> 'ACTIVE' OR n."employerId" IS DISTINCT FROM n."organizationId" THEN 'LEFT_AGENCY'
             WHEN n."qualificationLevel"::text NOT IN ${COUNTING_LEVELS} THEN 'NOT_QUALIFIED'
             ELSE 'REGISTRATION_LAPSED'
           END AS "reason",
           GREATEST(n."namedFrom", CASE
             WHEN n."employerId" IS DISTINCT FROM n."organizationId" THEN (
               SELECT max(e."to") FROM "EmploymentRecord" e
                WHERE e."practitionerId" = n."practitionerId" AND e."organizationId" = n."organizationId" AND e."to" IS NOT NULL)
             WHEN n."status" <> 'ACTIVE' THEN n."statusSince"
             -- The city's day (UTC+8) of the latest revocation, if a certificate was revoked.
             WHEN n."qualificationLevel"::text NOT IN ${COUNTING_LEVELS} THEN (
               SELECT max((cr."updatedAt" + interval '8 hours')::date) FROM "Credential" cr WHERE cr."practitionerId" = n."practitionerId" AND cr."status" = 'REVOKED')
             ELSE n."registrationEnd" + 1
           END) AS "since"
      FROM named n JOIN short s ON s."contractId" = n."contractId"
     WHERE NOT n."counts"
     ORDER BY n."reference", n."name"`;
}

function assemble(rows: readonly TNamedRow[]): TContractShortfall[] {
  const byContract = new Map<string, TNamedRow[]>();
  for (const r of rows) byContract.set(r.contractId, [...(byContract.get(r.contractId) ?? []), r]);
  const out: TContractShortfall[] = [];
  for (const list of byContract.values()) {
    const first = list[0]!;
    const people = list.map((r) => ({ practitionerId: r.practitionerId!, name: r.name!, reason: r.reason!, since: r.since! }));
    const since = shortfallSince(first, first.named, first.counting, people) ?? people[0]!.since;
    out.push({ contractId: first.contractId, reference: first.reference, agencyName: first.agencyName, organizationId: first.organizationId, departmentId: first.departmentId, since, people });
  }
  return out.sort((a, b) => a.since.getTime() - b.since.getTime() || a.reference.localeCompare(b.reference));
}

/**
 * Active contracts in the caller's scope that fall short of their staffing today, with since when
 * and who (for the purchased-services dashboard and the contracts list). `action` decides the
 * scope (the dashboard reads with dashboard.services.read).
 */
export async function contractShortfalls(scope: TPrincipal, action: TAction = "contracts.read", day = todayInCity()): Promise<{ contractId: string; reference: string; agencyName: string; since: Date; people: { name: string; reason: TShortfallReason }[] }[]> {
  const rows = await shortfallRows(prisma, contractScopeSql(scope, action), day);
  return assemble(rows).map((s) => ({ contractId: s.contractId, reference: s.reference, agencyName: s.agencyName, since: s.since, people: s.people.map((p) => ({ name: p.name, reason: p.reason })) }));
}

/**
 * The same for the purchased-services dashboard, reused while nothing changes (decision 005): every
 * change that can start or end a shortfall — a person leaving or moving, a status change, a
 * certificate revoked, staff replaced, a contract closed — writes its audit event in its own
 * transaction, and a registration lapses with the city's day, so the cache's key (the audit log's
 * highest id and the day) moves with each of them: the dashboard still shows a shortfall at once.
 */
export function contractShortfallsCached(principal: TPrincipal, action: TAction) {
  const slot = `contract-shortfalls|${action}|${scopeOf(principal.role, action) ?? "none"}|${principal.regionPath ?? ""}|${principal.organizationId ?? ""}`;
  return reuseWhileUnchanged(slot, () => contractShortfalls(principal, action));
}

/** The shortfall of one contract today (already scoped by the caller), or null. */
export async function shortfallOf(contractId: string, day = todayInCity()): Promise<TContractShortfall | null> {
  return assemble(await shortfallRows(prisma, Prisma.sql`c."id" = ${contractId}`, day))[0] ?? null;
}

/** Ids of the contracts falling short today among `contractIds` (the list's badge). */
export async function shortfallIds(contractIds: readonly string[], day = todayInCity()): Promise<Set<string>> {
  if (!contractIds.length) return new Set();
  const rows = await shortfallRows(prisma, Prisma.sql`c."id" IN (${Prisma.join(contractIds)})`, day);
  return new Set(rows.map((r) => r.contractId));
}

/** Contracts in `scope` that fall short today: their ids (a list filter). */
export async function shortfallIdsInScope(scope: TPrincipal, day = todayInCity()): Promise<string[]> {
  const rows = await shortfallRows(prisma, contractScopeSql(scope), day);
  return [...new Set(rows.map((r) => r.contractId))];
}

/**
 * Tells the agency's administrators and the commissioning department's officers (the city's
 * administrators when the city commissioned it) that a contract fell short. Once per shortfall:
 * the dedupe key carries the day it began, so a shortfall made good and broken again is told again.
 * Runs inside the transaction that made the change (it sees it); returns the e-mails to deliver.
 */
async function noticeShortfalls(tx: TTx, shortfalls: readonly TContractShortfall[]): Promise<{ created: number; emails: string[] }> {
  const emails: string[] = [];
  let created = 0;
  for (const s of shortfalls) {
    const audience = await tx.user.findMany({
      where: {
        disabledAt: null,
        OR: [
          { role: "AGENCY_ADMIN", organizationId: s.organizationId },
          s.departmentId ? { role: "DEPARTMENT_OFFICER", organizationId: s.departmentId } : { role: "CITY_ADMIN" },
        ],
      },
      select: recipientSelect,
      orderBy: { createdAt: "asc" },
    });
    const since = isoDay(s.since);
    const result = await notify(tx, audience, {
      kind: "contractShortfall",
      params: { reference: s.reference, agency: s.agencyName, since, people: s.people.map((p) => p.name).join("、") },
      href: () => `/contracts/${s.contractId}`,
      dedupeKey: (u) => `contractShortfall:${s.contractId}:${since}:${u.id}`,
    });
    emails.push(...result.emails);
    created += result.created;
  }
  return { created, emails };
}

/** After a change to a practitioner's record: the contracts naming them that now fall short are told, once. */
export async function noticeShortfallsOfPractitioner(tx: TTx, practitionerId: string, day = todayInCity()): Promise<string[]> {
  const where = Prisma.sql`c."id" IN (SELECT x."contractId" FROM "ContractStaff" x WHERE x."practitionerId" = ${practitionerId} AND (x."to" IS NULL OR x."to" > ${day}::date))`;
  return (await noticeShortfalls(tx, assemble(await shortfallRows(tx, where, day)))).emails;
}

/** The hourly pass: every active contract falling short (registrations lapse with the calendar), told once. */
export async function noticeAllShortfalls(day = todayInCity()): Promise<{ notifications: number; emails: string[] }> {
  const shortfalls = assemble(await shortfallRows(prisma, Prisma.sql`TRUE`, day));
  let notifications = 0;
  const emails: string[] = [];
  for (const s of shortfalls) {
    const result = await prisma.$transaction((tx) => noticeShortfalls(tx, [s]));
    notifications += result.created;
    emails.push(...result.emails);
  }
  return { notifications, emails };
}

/** Delivers the e-mails of shortfall notices once the change is committed. */
export async function deliverAll(ids: readonly string[]): Promise<void> {
  for (const id of ids) await deliver(id).catch(() => undefined);
}
