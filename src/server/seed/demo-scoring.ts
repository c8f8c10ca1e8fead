import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { TTx } from "@/server/db";
import type { TDemoOrg } from "./demo-practitioners";
import { BLACKLISTED_DEMO_AGENCY } from "./demo-workforce";
import { seedEligibilitySnapshot } from "./demo-calls";

// The demo city's call in scoring (issue 13): 示例市教育局 commissioned a school social-work
// project in 东城区; the call closed three days ago with three eligible proposals, each naming
// qualified staff of its agency. The panel is the city's administrator (city@demo.local), the
// department's officer (dept@demo.local) and an external expert (expert@demo.local): the city and
// the department have declared no conflict and scored every proposal; the expert has yet to
// declare and score, so her /scoring list has work in it. `makeScoringCall` builds such a call for
// the tests too (integration and e2e), with the same columns the server writes.

const DAY = 86_400_000;

type TDb = PrismaClient | Prisma.TransactionClient;

export type TScoringCallInput = {
  reference: string;
  title: string;
  departmentId: string | null;
  regionId: string;
  regionPath: string;
  budgetFen: bigint;
  budgetLineId: string | null;
  deadline: Date;
  termStart: Date;
  termEnd: Date;
  status?: "DRAFT" | "OPEN" | "CLOSED" | "SELECTED" | "CANCELLED";
  minQualifiedStaff?: number;
  minQualifiedPercent?: number;
  criteria: { name: string; weight: number; maxScore: number }[];
  proposals: { organizationId: string; staffIds: string[]; totalFen: bigint; narrative: string; status?: "SUBMITTED" | "INELIGIBLE" | "WITHDRAWN" }[];
  panel: { userId: string; kind: "OFFICIAL" | "EXPERT" }[];
  createdById?: string | null;
};

/** A call with its criteria, panel and proposals (with named staff), written directly. */
export async function makeScoringCall(db: TDb, input: TScoringCallInput) {
  const call = await db.serviceCall.create({
    data: {
      reference: input.reference,
      title: input.title,
      description: `${input.title}：面向在校学生及家庭提供学校社会工作服务。`,
      type: "COMMUNITY",
      practiceField: "SCHOOLS",
      targetGroups: ["CHILDREN", "YOUTH"],
      departmentId: input.departmentId,
      regionId: input.regionId,
      regionPath: input.regionPath,
      budgetFen: input.budgetFen,
      budgetLineId: input.budgetLineId,
      termStart: input.termStart,
      termEnd: input.termEnd,
      minQualifiedStaff: input.minQualifiedStaff ?? 2,
      minQualifiedPercent: input.minQualifiedPercent ?? 50,
      deadline: input.deadline,
      status: input.status ?? "CLOSED",
      publishedAt: new Date(input.deadline.getTime() - 30 * DAY),
      createdById: input.createdById ?? null,
      criteria: { create: input.criteria.map((c, i) => ({ number: i + 1, name: c.name, weight: c.weight, maxScore: c.maxScore })) },
      panel: { create: input.panel.map((m) => ({ userId: m.userId, kind: m.kind })) },
    },
    select: { id: true, reference: true, criteria: { orderBy: { number: "asc" }, select: { id: true, maxScore: true, weight: true } }, panel: { select: { id: true, userId: true } } },
  });
  const proposals: { id: string; organizationId: string }[] = [];
  for (const p of input.proposals) {
    const status = p.status ?? "SUBMITTED";
    const created = await db.proposal.create({
      data: {
        callId: call.id,
        organizationId: p.organizationId,
        narrative: p.narrative,
        totalFen: p.totalFen,
        status,
        submittedAt: new Date(input.deadline.getTime() - 5 * DAY),
        // The lines as they stood at the close (the call's deadline), by the calls' own rule.
        eligibility:
          input.status === "CLOSED" || input.status === undefined
            ? await seedEligibilitySnapshot(db, { agencyId: p.organizationId, staffIds: p.staffIds, call: { minRating: null, minQualifiedStaff: input.minQualifiedStaff ?? 2, minQualifiedPercent: input.minQualifiedPercent ?? 50 }, day: input.deadline, checkedAt: input.deadline })
            : undefined,
        budgetLines: { create: [{ number: 1, item: "人员经费", amountFen: (p.totalFen * 7n) / 10n }, { number: 2, item: "活动经费", amountFen: p.totalFen - (p.totalFen * 7n) / 10n }] },
        staff: { create: p.staffIds.map((practitionerId) => ({ practitionerId })) },
      },
      select: { id: true, organizationId: true },
    });
    proposals.push(created);
  }
  return { ...call, proposals };
}

/** A complete score sheet for one panel member and proposal: `scores` in criterion order. */
export async function makeScoreSheet(db: TDb, input: { proposalId: string; panelMemberId: string; criterionIds: string[]; scores: number[] }) {
  await db.score.createMany({ data: input.criterionIds.map((criterionId, i) => ({ proposalId: input.proposalId, panelMemberId: input.panelMemberId, criterionId, score: input.scores[i]! })) });
}

export const DEMO_SCORING_CRITERIA = [
  { name: "服务方案的针对性与可行性", weight: 35, maxScore: 100 },
  { name: "团队配置与专业资质", weight: 25, maxScore: 100 },
  { name: "预算合理性", weight: 20, maxScore: 50 },
  { name: "机构能力与既往绩效", weight: 20, maxScore: 50 },
];

export type TDemoScoringInput = { today: Date; orgs: TDemoOrg[]; users: Map<string, { id: string }>; servicesLineId: string };

export async function seedDemoScoring(tx: TTx, { today, orgs, users, servicesLineId }: TDemoScoringInput) {
  const byName = new Map(orgs.map((o) => [o.name, o]));
  const department = byName.get("示例市教育局")!;
  const district = await tx.region.findUniqueOrThrow({ where: { code: "990101" }, select: { id: true, path: true } });
  // Three agencies other than the blacklisted one, each with at least two qualified, active,
  // registered staff: they name those (all eligible at the close).
  const candidates = orgs.filter((o) => o.kind === "AGENCY" && o.name !== BLACKLISTED_DEMO_AGENCY);
  const picked: { organizationId: string; staffIds: string[] }[] = [];
  for (const agency of candidates) {
    if (picked.length === 3) break;
    const staff = await tx.practitioner.findMany({
      where: { organizationId: agency.id, status: "ACTIVE", qualificationLevel: { in: ["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"] }, registrationEnd: { gte: today } },
      orderBy: { name: "asc" },
      take: 3,
      select: { id: true },
    });
    if (staff.length >= 2) picked.push({ organizationId: agency.id, staffIds: staff.map((s) => s.id) });
  }
  if (picked.length < 3) throw new Error("demo seed: fewer than three agencies with qualified staff for the scoring call");

  const year = today.getUTCFullYear();
  const taken = await tx.serviceCall.findMany({ where: { reference: { startsWith: `FW-${year}-` } }, select: { reference: true } });
  const sequence = Math.max(0, ...taken.map((c) => Number(/^FW-\d{4}-(\d+)$/.exec(c.reference)?.[1] ?? 0))) + 1;
  const expert = users.get("expert@demo.local")!;
  const dept = users.get("dept@demo.local")!;
  const city = users.get("city@demo.local")!;
  const call = await makeScoringCall(tx, {
    reference: `FW-${year}-${String(sequence).padStart(4, "0")}`,
    title: "东城区中小学校社会工作服务项目",
    departmentId: department.id,
    regionId: district.id,
    regionPath: district.path,
    budgetFen: 60_000_000n,
    budgetLineId: servicesLineId,
    deadline: new Date(today.getTime() - 3 * DAY + 10 * 3_600_000),
    termStart: new Date(today.getTime() + 30 * DAY),
    termEnd: new Date(today.getTime() + 394 * DAY),
    status: "CLOSED",
    criteria: DEMO_SCORING_CRITERIA,
    panel: [
      { userId: city.id, kind: "OFFICIAL" },
      { userId: dept.id, kind: "OFFICIAL" },
      { userId: expert.id, kind: "EXPERT" },
    ],
    proposals: [
      { ...picked[0]!, totalFen: 58_000_000n, narrative: "在东城区 6 所中小学驻校开展个案辅导、小组工作和家校联动服务，建立学生心理危机早期识别机制。" },
      { ...picked[1]!, totalFen: 55_500_000n, narrative: "以“成长伙伴”计划为主线，开展学业适应、人际关系和生涯规划小组，每校配备一名驻校社工。" },
      { ...picked[2]!, totalFen: 59_800_000n, narrative: "聚焦留守和流动儿童，提供个案管理、社区支持网络建设和家长课堂，联动街道和社区资源。" },
    ],
    createdById: dept.id,
  });
  const declaredAt = new Date(today.getTime() - 2 * DAY);
  const seat = (userId: string) => call.panel.find((m) => m.userId === userId)!.id;
  await tx.panelMember.updateMany({ where: { id: { in: [seat(city.id), seat(dept.id)] } }, data: { declaredAt, conflict: false } });
  const criterionIds = call.criteria.map((c) => c.id);
  const sheets: [string, number[][]][] = [
    [seat(city.id), [[86, 80, 42, 40], [78, 82, 45, 38], [72, 70, 40, 44]]],
    [seat(dept.id), [[90, 84, 40, 42], [80, 76, 44, 40], [75, 72, 38, 41]]],
  ];
  for (const [panelMemberId, rows] of sheets) {
    for (const [i, scores] of rows.entries()) await makeScoreSheet(tx, { proposalId: call.proposals[i]!.id, panelMemberId, criterionIds, scores });
  }
  return call;
}
