import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import type { TCurrentUser } from "@/server/auth/session";
import type { TTrainingStatsScope } from "@/server/trainings/stats";
import { getTrainingSettings } from "@/server/plan/training-settings";
import { getPlanTarget } from "@/server/plan/queries";
import { scopeOf } from "@/domain/authz/matrix";
import { todayInCity } from "@/domain/common/calendar-day";
import { CERTIFICATE_KINDS } from "@/domain/credentials/schemas";
import { subjectEmploymentTypes, type TDeadlineSettings, type TDeadlineStatus } from "@/domain/civil-servants/rules";
import { CITY_LEVEL } from "@/domain/civil-servants/list-filter";

// New civil servants' two-year deadline (plan.md T2) in SQL, the same rule as
// src/domain/civil-servants/rules.ts (tests/integration/civil-servants.test.ts holds them together):
// who is subject, their department and district, entry date, deadline, status. One statement per
// question, over the practitioners employed by P1 departments and the organisations they supervise.
// docs/decisions/017-civil-servant-deadline.md says why each choice was made.

/** Whole city, a district (by the employer's region) or a department (its own and its supervised organisations' people). */
export type TDeadlineScope = TTrainingStatsScope;

/** The deadline scope of a user holding civilServants.read (null: they do not). */
export function deadlineScopeOf(user: Pick<TCurrentUser, "role" | "regionPath" | "organizationId">): TDeadlineScope | null {
  switch (scopeOf(user.role, "civilServants.read")) {
    case "city":
      return { kind: "city" };
    case "district":
      return user.regionPath ? { kind: "district", regionPath: user.regionPath } : null;
    case "department":
      return user.organizationId ? { kind: "department", departmentId: user.organizationId } : null;
    default:
      return null;
  }
}

/** The city's settings the rule reads, with the plan's start. */
export async function getDeadlineSettings(): Promise<TDeadlineSettings> {
  const [settings, plan] = await Promise.all([getTrainingSettings(), getPlanTarget()]);
  return {
    planStart: plan.startDate,
    civilServantDeadlineYears: settings.civilServantDeadlineYears,
    civilServantDeadlineIncludesPublicInstitutions: settings.civilServantDeadlineIncludesPublicInstitutions,
    civilServantDueDays: settings.civilServantDueDays,
  };
}

function inScope(scope: TDeadlineScope): Prisma.Sql {
  switch (scope.kind) {
    case "city":
      return Prisma.sql`TRUE`;
    case "district":
      return Prisma.sql`p."regionPath" LIKE ${`${scope.regionPath.replace(/[\\%_]/g, "\\$&")}%`}`;
    case "department":
      return Prisma.sql`(o.id = ${scope.departmentId} OR o."supervisingDepartmentId" = ${scope.departmentId})`;
  }
}

/** A P1 department: a government department with a department type. */
const p1 = (alias: string) => Prisma.raw(`(${alias}.kind = 'GOVERNMENT_DEPARTMENT' AND ${alias}."departmentType" IS NOT NULL)`);

export type TDeadlineQuery = { scope: TDeadlineScope; settings: TDeadlineSettings; today?: Date };

/**
 * The subject people with their figures, as a subquery `d`: id, name, "departmentId", "employerId",
 * district (null for city-level organisations), "entryDate", deadline, "daysLeft", "certifiedOn",
 * late, status.
 */
function deadlineRows({ scope, settings, today = todayInCity() }: TDeadlineQuery): Prisma.Sql {
  const types = subjectEmploymentTypes(settings.civilServantDeadlineIncludesPublicInstitutions);
  const years = settings.civilServantDeadlineYears;
  return Prisma.sql`(
    SELECT x.*,
           CASE WHEN x."certifiedOn" IS NOT NULL THEN 'DONE'
                WHEN x.deadline < ${today}::date THEN 'OVERDUE'
                WHEN x.deadline - ${today}::date <= ${settings.civilServantDueDays}::int THEN 'DUE'
                ELSE 'PENDING' END AS status,
           (x.deadline - ${today}::date) AS "daysLeft",
           COALESCE(x."certifiedOn" > x.deadline, FALSE) AS late
      FROM (
        SELECT s.*,
               -- entry + N years, 29 February becoming 1 March as in addYears (src/domain/common/calendar-day.ts)
               (make_date(extract(year FROM s."entryDate")::int + ${years}::int, extract(month FROM s."entryDate")::int, 1) + (extract(day FROM s."entryDate")::int - 1)) AS deadline
          FROM (
            SELECT p.id, p.name, p."employmentType"::text AS "employmentType",
                   CASE WHEN ${p1("o")} THEN o.id ELSE sup.id END AS "departmentId",
                   o.id AS "employerId",
                   NULLIF(split_part(p."regionPath", '/', 3), '') AS district,
                   COALESCE(er.first, p."hireDate") AS "entryDate",
                   cert.first AS "certifiedOn"
              FROM "Practitioner" p
              JOIN "Organization" o ON o.id = p."organizationId"
              LEFT JOIN "Organization" sup ON sup.id = o."supervisingDepartmentId"
              LEFT JOIN LATERAL (
                SELECT min(er."from") AS first
                  FROM "EmploymentRecord" er
                  JOIN "Organization" eo ON eo.id = er."organizationId"
                  LEFT JOIN "Organization" es ON es.id = eo."supervisingDepartmentId"
                 WHERE er."practitionerId" = p.id AND (${p1("eo")} OR ${p1("es")})
              ) er ON TRUE
              LEFT JOIN LATERAL (
                SELECT min(c."issueDate") AS first FROM "Credential" c
                 WHERE c."practitionerId" = p.id AND c.status = 'VERIFIED' AND c.kind::text IN (${Prisma.join([...CERTIFICATE_KINDS])})
              ) cert ON TRUE
             WHERE p.status = 'ACTIVE'
               AND p."employmentType"::text IN (${Prisma.join(types)})
               AND (${p1("o")} OR ${p1("sup")})
               AND ${inScope(scope)}
          ) s
         WHERE s."entryDate" >= ${settings.planStart}::date
      ) x
  ) d`;
}

export type TDeadlineFilter = { status?: TDeadlineStatus | ""; department?: string; district?: string };

function filterSql(f: TDeadlineFilter): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (f.status) and.push(Prisma.sql`d.status = ${f.status}`);
  if (f.department) and.push(Prisma.sql`d."departmentId" = ${f.department}`);
  if (f.district === CITY_LEVEL) and.push(Prisma.sql`d.district IS NULL`);
  else if (f.district) and.push(Prisma.sql`d.district = ${f.district}`);
  return Prisma.join(and, " AND ");
}

export type TDeadlineRow = {
  id: string;
  name: string;
  employmentType: "CIVIL_SERVANT" | "PUBLIC_INSTITUTION";
  departmentId: string;
  employerId: string;
  district: string | null;
  entryDate: Date;
  deadline: Date;
  daysLeft: number;
  certifiedOn: Date | null;
  late: boolean;
  status: TDeadlineStatus;
};

/** Overdue first, then due, pending and done; each by deadline, then name. */
const ORDER = Prisma.sql`CASE d.status WHEN 'OVERDUE' THEN 0 WHEN 'DUE' THEN 1 WHEN 'PENDING' THEN 2 ELSE 3 END, d.deadline, d.name, d.id`;

/** A page (or, for the export, any slice) of the list in its order. */
export async function deadlinePage(q: TDeadlineQuery, f: TDeadlineFilter, skip: number, take: number): Promise<TDeadlineRow[]> {
  const rows = await prisma.$queryRaw<(Omit<TDeadlineRow, "daysLeft"> & { daysLeft: number | bigint })[]>`
    SELECT d.id, d.name, d."employmentType", d."departmentId", d."employerId", d.district, d."entryDate", d.deadline, d."daysLeft", d."certifiedOn", d.late, d.status
      FROM ${deadlineRows(q)} WHERE ${filterSql(f)} ORDER BY ${ORDER} OFFSET ${skip} LIMIT ${take}`;
  return rows.map((r) => ({ ...r, daysLeft: Number(r.daysLeft) }));
}

export async function deadlineCount(q: TDeadlineQuery, f: TDeadlineFilter): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM ${deadlineRows(q)} WHERE ${filterSql(f)}`;
  return Number(row?.n ?? 0n);
}

export type TDeadlineCountRow = { due: number; overdue: number; done: number; doneLate: number; pending: number; total: number };
export type TDeadlineGroups = {
  total: TDeadlineCountRow;
  byDepartment: (TDeadlineCountRow & { key: string })[];
  /** key null: city-level organisations (no district). */
  byDistrict: (TDeadlineCountRow & { key: string | null })[];
};

/** The counts by status, overall, per department and per district, in one pass. */
export async function deadlineGroups(q: TDeadlineQuery): Promise<TDeadlineGroups> {
  const rows = await prisma.$queryRaw<{ gDept: number; gDistrict: number; department: string | null; district: string | null; due: bigint; overdue: bigint; done: bigint; doneLate: bigint; pending: bigint; total: bigint }[]>`
    SELECT GROUPING(d."departmentId")::int AS "gDept", GROUPING(d.district)::int AS "gDistrict", d."departmentId" AS department, d.district,
           count(*) FILTER (WHERE d.status = 'DUE') AS due,
           count(*) FILTER (WHERE d.status = 'OVERDUE') AS overdue,
           count(*) FILTER (WHERE d.status = 'DONE') AS done,
           count(*) FILTER (WHERE d.status = 'DONE' AND d.late) AS "doneLate",
           count(*) FILTER (WHERE d.status = 'PENDING') AS pending,
           count(*) AS total
      FROM ${deadlineRows(q)}
     GROUP BY GROUPING SETS ((), (d."departmentId"), (d.district))`;
  const counts = (r: (typeof rows)[number]): TDeadlineCountRow => ({ due: Number(r.due), overdue: Number(r.overdue), done: Number(r.done), doneLate: Number(r.doneLate), pending: Number(r.pending), total: Number(r.total) });
  const total = rows.find((r) => r.gDept === 1 && r.gDistrict === 1);
  const byCount = (a: TDeadlineCountRow, b: TDeadlineCountRow) => b.overdue - a.overdue || b.due - a.due || b.total - a.total;
  return {
    total: total ? counts(total) : { due: 0, overdue: 0, done: 0, doneLate: 0, pending: 0, total: 0 },
    byDepartment: rows.filter((r) => r.gDept === 0 && r.gDistrict === 1).map((r) => ({ key: r.department!, ...counts(r) })).sort(byCount),
    byDistrict: rows.filter((r) => r.gDept === 1 && r.gDistrict === 0).map((r) => ({ key: r.district, ...counts(r) })).sort(byCount),
  };
}
