import "server-only";
import { prisma, type TTx } from "@/server/db";
import { CERTIFICATE_KINDS } from "@/domain/credentials/schemas";
import { supervisorEligibility, type TEligibility, type TSupervisionSettings, type TSupervisorFacts } from "@/domain/supervision/rules";

// The facts the supervisor rule reads, for a batch of practitioners in a few queries: status and
// level (stored), the first verified certificate's issue date, the city's approval, and how many
// open pairs each supervises now (city-wide: the cap is the supervisor's, wherever the supervisees are).

export type TSupervisorStanding = TSupervisorFacts & { eligibility: TEligibility; active: number; approval: { approvedAt: Date; note: string | null } | null };

export async function supervisorStandings(ids: readonly string[], settings: Pick<TSupervisionSettings, "supervisorMinLevel" | "supervisorMinYears">, today: Date, db: TTx | typeof prisma = prisma): Promise<Map<string, TSupervisorStanding>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const [people, firsts, approvals, loads] = await Promise.all([
    db.practitioner.findMany({ where: { id: { in: unique } }, select: { id: true, status: true, qualificationLevel: true } }),
    db.credential.groupBy({ by: ["practitionerId"], where: { practitionerId: { in: unique }, status: "VERIFIED", kind: { in: [...CERTIFICATE_KINDS] } }, _min: { issueDate: true } }),
    db.supervisorApproval.findMany({ where: { practitionerId: { in: unique } }, select: { practitionerId: true, approvedAt: true, note: true } }),
    db.supervision.groupBy({ by: ["supervisorId"], where: { supervisorId: { in: unique }, endDate: null }, _count: { _all: true } }),
  ]);
  const first = new Map(firsts.map((f) => [f.practitionerId, f._min.issueDate]));
  const approved = new Map(approvals.map((a) => [a.practitionerId, { approvedAt: a.approvedAt, note: a.note }]));
  const load = new Map(loads.map((l) => [l.supervisorId, l._count._all]));
  const out = new Map<string, TSupervisorStanding>();
  for (const p of people) {
    const facts: TSupervisorFacts = { status: p.status, qualificationLevel: p.qualificationLevel, practiceSince: first.get(p.id) ?? null, approved: approved.has(p.id) };
    out.set(p.id, { ...facts, eligibility: supervisorEligibility(facts, settings, today), active: load.get(p.id) ?? 0, approval: approved.get(p.id) ?? null });
  }
  return out;
}
