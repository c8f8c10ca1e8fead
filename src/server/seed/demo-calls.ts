import type { TTx } from "@/server/db";
import { formatCallReference } from "@/domain/service-calls/rules";
import { eligibilityLines, type TCallRequirements, type TEligibilityFacts } from "@/domain/service-calls/eligibility";
import { QUALIFIED_LEVELS } from "@/domain/service-calls/enums";
import type { TDemoOrg } from "./demo-practitioners";
import { BLACKLISTED_DEMO_AGENCY } from "./demo-workforce";

// The demo city's calls for proposals (issue 13, part A): a draft, open calls with proposals (one by
// 示例市教育局, which dept@demo.local sees and 示例市阳光社会工作服务中心 — agency@demo.local — can still
// propose to), a cancelled call, and a closed call whose proposal by the blacklisted
// 示例市明德司法社会工作服务中心 is INELIGIBLE with the eligibility lines as they stood at the close.
//
// The seed runs outside React Server Components: it writes what src/server/service-calls would,
// using the same pure eligibility rule (src/domain/service-calls/eligibility.ts).

const DAY = 86_400_000;
const CITY_OFFSET = 8 * 3_600_000;

export type TDemoCallsInput = { today: Date; orgs: TDemoOrg[]; cityAdminId: string; deptOfficerId: string; servicesLineId: string; agencyAdminId: string };

type TCriterion = { name: string; weight: number; maxScore?: number };
const CRITERIA: TCriterion[] = [
  { name: "服务方案的针对性与可行性", weight: 40 },
  { name: "团队专业能力与人员配置", weight: 30 },
  { name: "预算合理性", weight: 20 },
  { name: "机构过往服务成效", weight: 10 },
];

/**
 * The eligibility lines of a proposal as a seed writes them (what src/server/service-calls checks,
 * without its server-only module): the agency's facts and its named staff on `day`.
 */
export async function seedEligibilitySnapshot(
  db: Pick<TTx, "organization" | "practitioner">,
  input: { agencyId: string; staffIds: readonly string[]; call: TCallRequirements; day: Date; checkedAt: Date; failedEvaluationBarDays?: number },
) {
  const [a, staff] = await Promise.all([
    db.organization.findUniqueOrThrow({
      where: { id: input.agencyId },
      select: { agencyStatus: true, rating: true, integrityRecords: { where: { kind: { in: ["BLACKLIST", "ABNORMAL_LIST", "EVALUATION_FAILED"] } }, select: { kind: true, occurredOn: true, endsOn: true } } },
    }),
    db.practitioner.findMany({ where: { id: { in: [...input.staffIds] } }, select: { id: true, name: true, organizationId: true, status: true, qualificationLevel: true, registrationEnd: true } }),
  ]);
  const facts: TEligibilityFacts = { agencyId: input.agencyId, agencyStatus: a.agencyStatus, rating: a.rating, integrity: a.integrityRecords, staff, unknownStaff: input.staffIds.length - staff.length };
  const lines = eligibilityLines(facts, input.call, input.day, input.failedEvaluationBarDays ?? 365);
  return { checkedAt: input.checkedAt.toISOString(), eligible: lines.every((l) => l.ok), lines };
}

export async function seedDemoCalls(tx: TTx, input: TDemoCallsInput) {
  const { today } = input;
  const day = (offset: number) => new Date(today.getTime() + offset * DAY);
  /** 17:00 in the city, `offset` days from today. */
  const at17 = (offset: number) => new Date(today.getTime() + offset * DAY + 17 * 3_600_000 - CITY_OFFSET);
  const org = (name: string) => {
    const o = input.orgs.find((x) => x.name === name);
    if (!o) throw new Error(`demo calls: unknown organisation ${name}`);
    return o;
  };
  const district = async (code: string) => tx.region.findUniqueOrThrow({ where: { code }, select: { id: true, path: true } });
  const [dongcheng, xicheng, nanhu] = await Promise.all([district("990101"), district("990102"), district("990103")]);
  const year = today.getUTCFullYear();
  // After any reference another seed wrote this year (the references are unique).
  const rows = await tx.$queryRaw<{ max: number | null }[]>`
    SELECT max(substring(reference from 9)::int) AS max FROM "ServiceCall" WHERE reference LIKE ${`FW-${year}-%`} AND substring(reference from 9) ~ '^[0-9]{1,9}$'`;
  let seq = Number(rows[0]?.max ?? 0);

  async function call(data: {
    title: string;
    description: string;
    type: "ELDER_CARE" | "WELFARE_INSTITUTION" | "COMMUNITY" | "JUDICIAL_ASSISTANCE" | "FAMILY_PLANNING" | "BEHAVIOUR_CORRECTION" | "OTHER";
    practiceField: "SCHOOLS" | "CIVIL_AFFAIRS" | "WELFARE_INSTITUTIONS" | "SOCIAL_ORGANIZATIONS" | "FAMILY_PLANNING";
    targetGroups: ("CHILDREN" | "YOUTH" | "ELDERLY" | "FAMILIES" | "OTHER")[];
    departmentId: string | null;
    region: { id: string; path: string };
    budgetFen: bigint;
    status: "DRAFT" | "OPEN" | "CLOSED" | "CANCELLED";
    deadline: Date;
    termStart: Date;
    termEnd: Date;
    minQualifiedStaff: number;
    minQualifiedPercent: number;
    minRating?: "A1" | "A2" | "A3" | "A4" | "A5";
    createdById: string;
  }) {
    const { region, ...rest } = data;
    return tx.serviceCall.create({
      data: {
        ...rest,
        reference: formatCallReference(year, ++seq),
        regionId: region.id,
        regionPath: region.path,
        budgetLineId: input.servicesLineId,
        minRating: data.minRating ?? null,
        publishedAt: data.status === "DRAFT" ? null : new Date(data.deadline.getTime() - 30 * DAY),
        criteria: { create: CRITERIA.map((c, i) => ({ number: i + 1, name: c.name, weight: c.weight, maxScore: c.maxScore ?? 100 })) },
      },
      select: { id: true, minRating: true, minQualifiedStaff: true, minQualifiedPercent: true },
    });
  }

  /** Up to `n` of the agency's active staff, those who count toward staffing first. */
  async function staffOf(agencyId: string, n: number) {
    const people = await tx.practitioner.findMany({
      where: { organizationId: agencyId, status: "ACTIVE" },
      select: { id: true, name: true, organizationId: true, status: true, qualificationLevel: true, registrationEnd: true },
      orderBy: { name: "asc" },
    });
    const counts = (p: (typeof people)[number]) => (QUALIFIED_LEVELS as readonly string[]).includes(p.qualificationLevel) && !!p.registrationEnd && p.registrationEnd.getTime() >= today.getTime();
    return [...people.filter(counts), ...people.filter((p) => !counts(p))].slice(0, n);
  }

  async function facts(agencyId: string, staff: Awaited<ReturnType<typeof staffOf>>): Promise<TEligibilityFacts> {
    const a = await tx.organization.findUniqueOrThrow({
      where: { id: agencyId },
      select: { agencyStatus: true, rating: true, integrityRecords: { where: { kind: { in: ["BLACKLIST", "ABNORMAL_LIST", "EVALUATION_FAILED"] } }, select: { kind: true, occurredOn: true, endsOn: true } } },
    });
    return { agencyId, agencyStatus: a.agencyStatus, rating: a.rating, integrity: a.integrityRecords, staff, unknownStaff: 0 };
  }

  async function propose(c: Awaited<ReturnType<typeof call>>, agencyName: string, totalYuan: number, submittedDaysAgo: number, closedAt: Date | null) {
    const agencyId = org(agencyName).id;
    const staff = await staffOf(agencyId, 4);
    const lines = eligibilityLines(await facts(agencyId, staff), c, today, 365);
    const eligible = lines.every((l) => l.ok);
    const totalFen = BigInt(totalYuan) * 100n;
    const parts = [0.6, 0.25, 0.15].map((s) => (totalFen * BigInt(Math.round(s * 100))) / 100n);
    parts[2] = totalFen - parts[0]! - parts[1]!;
    return tx.proposal.create({
      data: {
        callId: c.id,
        organizationId: agencyId,
        narrative: `${agencyName}拟组建专业团队，采用个案、小组与社区活动相结合的方式开展服务，按季度评估成效。`,
        totalFen,
        // Checked at the close (closedAt) or at submission: an ineligible agency cannot submit, so only a closed call holds one.
        status: closedAt && !eligible ? "INELIGIBLE" : "SUBMITTED",
        eligibility: { checkedAt: (closedAt ?? day(-submittedDaysAgo)).toISOString(), eligible, lines },
        submittedAt: new Date(day(-submittedDaysAgo).getTime() + 10 * 3_600_000 - CITY_OFFSET),
        budgetLines: { create: ["人员经费", "活动经费", "管理及评估费用"].map((item, i) => ({ number: i + 1, item, amountFen: parts[i]! })) },
        staff: { create: staff.map((s) => ({ practitionerId: s.id })) },
      },
      select: { id: true },
    });
  }

  const education = org("示例市教育局").id;
  const civil = org("示例市民政局").id;
  const justice = org("示例市司法局").id;

  // A draft of the city's own, still being written.
  await call({
    title: "示例市社区养老服务提升项目",
    description: "在试点社区为居家老人提供探访、照护者支持和社区互助网络建设服务。",
    type: "ELDER_CARE",
    practiceField: "CIVIL_AFFAIRS",
    targetGroups: ["ELDERLY", "FAMILIES"],
    departmentId: null,
    region: nanhu,
    budgetFen: 60_000_000n,
    status: "DRAFT",
    deadline: at17(25),
    termStart: day(45),
    termEnd: day(45 + 364),
    minQualifiedStaff: 3,
    minQualifiedPercent: 50,
    createdById: input.cityAdminId,
  });

  // 示例市教育局's open call (dept@demo.local sees it): 示例市和平社会工作服务社 has proposed; 阳光 (agency@demo.local) has not yet.
  const schools = await call({
    title: "示例市中小学驻校社工服务项目",
    description: "在东城区 6 所中小学派驻社工，开展学生心理社会支持、家校沟通和校园欺凌预防服务。",
    type: "COMMUNITY",
    practiceField: "SCHOOLS",
    targetGroups: ["CHILDREN", "YOUTH", "FAMILIES"],
    departmentId: education,
    region: dongcheng,
    budgetFen: 80_000_000n,
    status: "OPEN",
    deadline: at17(14),
    termStart: day(30),
    termEnd: day(30 + 364),
    minQualifiedStaff: 2,
    minQualifiedPercent: 50,
    createdById: input.deptOfficerId,
  });
  await propose(schools, "示例市和平社会工作服务社", 760_000, 3, null);

  // The city's open call in 西城区, with two proposals.
  const welfare = await call({
    title: "示例市儿童福利院社工服务项目",
    description: "为儿童福利院的儿童提供个案管理、成长小组和回归家庭支持服务。",
    type: "WELFARE_INSTITUTION",
    practiceField: "WELFARE_INSTITUTIONS",
    targetGroups: ["CHILDREN"],
    departmentId: civil,
    region: xicheng,
    budgetFen: 50_000_000n,
    status: "OPEN",
    deadline: at17(9),
    termStart: day(21),
    termEnd: day(21 + 364),
    minQualifiedStaff: 1,
    minQualifiedPercent: 0,
    minRating: "A3",
    createdById: input.cityAdminId,
  });
  await propose(welfare, "示例市同心社会工作服务中心", 480_000, 5, null);
  await propose(welfare, "示例市阳光社会工作服务中心", 495_000, 2, null);

  // Cancelled after publication.
  await call({
    title: "示例市社区矫正对象帮扶项目（第一批）",
    description: "因预算调整取消，将另行发布。",
    type: "BEHAVIOUR_CORRECTION",
    practiceField: "SOCIAL_ORGANIZATIONS",
    targetGroups: ["OTHER"],
    departmentId: justice,
    region: xicheng,
    budgetFen: 30_000_000n,
    status: "CANCELLED",
    deadline: at17(-10),
    termStart: day(5),
    termEnd: day(5 + 364),
    minQualifiedStaff: 2,
    minQualifiedPercent: 50,
    createdById: input.cityAdminId,
  });

  // Closed five days ago: the blacklisted agency's proposal failed the check at the close.
  const judicial = await call({
    title: "示例市司法援助社会工作服务项目",
    description: "为法律援助对象和社区矫正对象提供心理疏导、家庭关系修复和就业支持服务。",
    type: "JUDICIAL_ASSISTANCE",
    practiceField: "SOCIAL_ORGANIZATIONS",
    targetGroups: ["OTHER", "FAMILIES"],
    departmentId: justice,
    region: xicheng,
    budgetFen: 40_000_000n,
    status: "CLOSED",
    deadline: at17(-5),
    termStart: day(20),
    termEnd: day(20 + 364),
    minQualifiedStaff: 1,
    minQualifiedPercent: 0,
    createdById: input.cityAdminId,
  });
  const closedAt = at17(-5);
  await propose(judicial, BLACKLISTED_DEMO_AGENCY, 390_000, 40, closedAt);
  await propose(judicial, "示例市长青老年社会工作服务社", 360_000, 12, closedAt);
}
