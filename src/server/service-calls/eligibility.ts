import "server-only";
import type { TTx } from "@/server/db";
import { prisma } from "@/server/db";
import { PLAN_ID } from "@/server/plan/queries";
import { eligibilityLines, type TCallRequirements, type TEligibilityFacts, type TEligibilityLine } from "@/domain/service-calls/eligibility";

// The facts the eligibility check reads, from the register, and the check itself.

type TDb = TTx | typeof prisma;

/** The agency's status, rating, integrity file and the named staff (by id; ids it cannot know are counted, not read). */
export async function eligibilityFacts(db: TDb, agencyId: string, staffIds: readonly string[]): Promise<TEligibilityFacts> {
  const ids = [...new Set(staffIds)];
  const [agency, staff] = await Promise.all([
    db.organization.findUnique({
      where: { id: agencyId },
      select: { kind: true, agencyStatus: true, rating: true, integrityRecords: { where: { kind: { in: ["BLACKLIST", "ABNORMAL_LIST", "EVALUATION_FAILED"] } }, select: { kind: true, occurredOn: true, endsOn: true } } },
    }),
    ids.length
      ? db.practitioner.findMany({
          // Only people the agency employs or employed: anyone else is "not of the agency", unnamed.
          where: { id: { in: ids }, OR: [{ organizationId: agencyId }, { employments: { some: { organizationId: agencyId } } }] },
          select: { id: true, name: true, organizationId: true, status: true, qualificationLevel: true, registrationEnd: true },
        })
      : Promise.resolve([]),
  ]);
  return {
    agencyId,
    agencyStatus: agency?.kind === "AGENCY" ? agency.agencyStatus : null,
    rating: agency?.rating ?? null,
    integrity: agency?.integrityRecords ?? [],
    staff,
    unknownStaff: ids.length - staff.length,
  };
}

export async function failedEvaluationBarDays(db: TDb): Promise<number> {
  const plan = await db.planTarget.findUnique({ where: { id: PLAN_ID }, select: { failedEvaluationBarDays: true } });
  return plan?.failedEvaluationBarDays ?? 365;
}

export async function checkEligibility(db: TDb, agencyId: string, staffIds: readonly string[], call: TCallRequirements, today: Date): Promise<TEligibilityLine[]> {
  const [facts, bar] = await Promise.all([eligibilityFacts(db, agencyId, staffIds), failedEvaluationBarDays(db)]);
  return eligibilityLines(facts, call, today, bar);
}
