import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { namedSelect } from "@/server/select";
import type { TCurrentUser } from "@/server/auth/session";
import { assignableWhere } from "@/server/posts/queries";
import { todayInCity } from "@/domain/common/calendar-day";
import { hasHiringPriority, PRIORITY_EXPERIENCE_DAYS } from "@/domain/civil-servants/rules";

// Hiring priority (优先录用, plan.md T2): when officials fill a department post from the register,
// candidates holding a verified qualification certificate and with at least two years of social-work
// experience are listed first. Experience = days employed by social-work agencies or holding
// social-work posts (any post in the register), overlapping spells counted once, up to today
// (docs/decisions/017-civil-servant-deadline.md). The same rule as experienceDays/hasHiringPriority
// in src/domain/civil-servants/rules.ts, in SQL.

export const CANDIDATE_LIMIT = 30;
/** How many certificate holders with an old enough spell are checked exactly for priority, name order. */
const PRIORITY_PROBE = 300;
const CERTIFICATE_LEVELS = ["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"] as const;

const candidateSelect = { id: true, name: true, isQualified: true, qualificationLevel: true, organization: { select: namedSelect } } as const;

/** Days of social-work experience of each practitioner, up to (not including) `today`. */
export async function socialWorkExperience(ids: string[], today = todayInCity()): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await prisma.$queryRaw<{ id: string; days: number }[]>`
    SELECT g.id, coalesce(sum(upper(r) - lower(r)), 0)::int AS days
      FROM (
        SELECT x.pid AS id, range_agg(daterange(x.f, LEAST(COALESCE(x.t, ${today}::date), ${today}::date))) AS m
          FROM (
            SELECT er."practitionerId" AS pid, er."from" AS f, er."to" AS t
              FROM "EmploymentRecord" er JOIN "Organization" o ON o.id = er."organizationId"
             WHERE o.kind = 'AGENCY' AND er."practitionerId" IN (${Prisma.join(ids)})
            UNION ALL
            SELECT pa."practitionerId", pa."from", pa."to" FROM "PostAssignment" pa WHERE pa."practitionerId" IN (${Prisma.join(ids)})
          ) x
         WHERE x.f < ${today}::date AND COALESCE(x.t, ${today}::date) > x.f
         GROUP BY x.pid
      ) g
      CROSS JOIN LATERAL unnest(g.m) AS r
     GROUP BY g.id`;
  return new Map(rows.map((r) => [r.id, Number(r.days)]));
}

const holdsCertificate = (level: string) => (CERTIFICATE_LEVELS as readonly string[]).includes(level);

/**
 * The assign search's candidates for a department post: those with priority first (name order),
 * then the others (name order), at most CANDIDATE_LIMIT in all, each with its experience in days
 * and whether it has priority.
 */
export async function priorityCandidates(user: TCurrentUser, postId: string, q: string, today = todayInCity()) {
  const base = assignableWhere(user, postId, q, today);
  const longAgo = new Date(today.getTime() - PRIORITY_EXPERIENCE_DAYS * 86_400_000);
  // Necessary for priority: a certificate and a social-work spell that began two years ago or more; checked exactly below.
  const probe = await prisma.practitioner.findMany({
    where: { AND: [base, { qualificationLevel: { in: [...CERTIFICATE_LEVELS] } }, { OR: [{ employments: { some: { from: { lte: longAgo }, organization: { kind: "AGENCY" } } } }, { postAssignments: { some: { from: { lte: longAgo } } } }] }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PRIORITY_PROBE,
    select: { id: true },
  });
  const probed = await socialWorkExperience(probe.map((p) => p.id), today);
  const firstIds = probe.filter((p) => (probed.get(p.id) ?? 0) >= PRIORITY_EXPERIENCE_DAYS).slice(0, CANDIDATE_LIMIT).map((p) => p.id);
  const [first, rest] = await Promise.all([
    firstIds.length ? prisma.practitioner.findMany({ where: { id: { in: firstIds } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: candidateSelect }) : Promise.resolve([]),
    firstIds.length < CANDIDATE_LIMIT ? prisma.practitioner.findMany({ where: { AND: [base, { id: { notIn: firstIds } }] }, orderBy: [{ name: "asc" }, { id: "asc" }], take: CANDIDATE_LIMIT - firstIds.length, select: candidateSelect }) : Promise.resolve([]),
  ]);
  const experience = await socialWorkExperience([...first, ...rest].map((c) => c.id), today);
  const all = [...first, ...rest].map((c) => {
    const experienceDays = experience.get(c.id) ?? 0;
    return { ...c, experienceDays, priority: hasHiringPriority({ holdsCertificate: holdsCertificate(c.qualificationLevel), experienceDays }) };
  });
  // Stable: names stay in order within each group (one found past the probe still goes first).
  return [...all.filter((c) => c.priority), ...all.filter((c) => !c.priority)];
}
export type TPriorityCandidate = Awaited<ReturnType<typeof priorityCandidates>>[number];
