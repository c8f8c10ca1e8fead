import type { TTx } from "@/server/db";
import type { TPracticeField } from "@/domain/practitioners/enums";

// Purchased-service contracts of the demo city (issue 13, part C): eight and more contracts across
// the T5 project types and several districts, each with the SELECTED call and proposal it came
// from (written directly here; the calls' own demo is demo-calls.ts), named staff from the agency's
// register, milestones accepted, due and late, payments (one waiting for a second approval) and
// one contract with a staffing shortfall (a named social worker left the agency).
//
// Money follows the ledger's own entries (src/server/funds/ledger.ts): each contract's value is
// promised from the services line (COMMITMENT contract:<id>), each payment releases and spends part
// of it (contract:<id>:part:disbursement:<id>:release / :spend). The seed runs outside Next, where
// the ledger's "server-only" module cannot be imported, so the entries are written as it writes them.

const DAY = 86_400_000;
const COUNTING = ["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"] as const;

type TType = "ELDER_CARE" | "WELFARE_INSTITUTION" | "COMMUNITY" | "JUDICIAL_ASSISTANCE" | "FAMILY_PLANNING" | "BEHAVIOUR_CORRECTION" | "OTHER";
type TMilestoneSpec = { title: string; deliverable: string; dueDate: Date; amountFen: bigint; status: "PENDING" | "REPORTED" | "ACCEPTED" | "RETURNED"; returnReason?: string };

export type TContractSpec = {
  reference: string;
  callReference: string;
  title: string;
  type: TType;
  practiceField: TPracticeField;
  regionId: string;
  regionPath: string;
  departmentId: string | null;
  organizationId: string;
  budgetLineId: string;
  valueFen: bigint;
  termStart: Date;
  termEnd: Date;
  minQualifiedStaff: number;
  minQualifiedPercent: number;
  staff: string[];
  milestones: TMilestoneSpec[];
  actorId: string | null;
  /** Decided milestones: who reported and who decided (defaults: none). */
  reporterId?: string | null;
  deciderId?: string | null;
};

/**
 * A contract with the SELECTED call and proposal it came from, its named staff (from termStart)
 * and milestones; `commit` promises its value from the line (the ledger in tests, entries in the seed).
 */
export async function insertContract(tx: TTx, s: TContractSpec, commit: (contractId: string) => Promise<unknown>) {
  const call = await tx.serviceCall.create({
    data: {
      reference: s.callReference,
      title: s.title,
      description: `${s.title}：面向服务对象提供专业社会工作服务。`,
      type: s.type,
      practiceField: s.practiceField,
      targetGroups: [],
      departmentId: s.departmentId,
      regionId: s.regionId,
      regionPath: s.regionPath,
      budgetFen: s.valueFen,
      budgetLineId: s.budgetLineId,
      termStart: s.termStart,
      termEnd: s.termEnd,
      minQualifiedStaff: s.minQualifiedStaff,
      minQualifiedPercent: s.minQualifiedPercent,
      deadline: new Date(s.termStart.getTime() - 30 * DAY),
      status: "SELECTED",
      publishedAt: new Date(s.termStart.getTime() - 60 * DAY),
      selectionReason: "综合评分第一，人员配备符合要求。",
      createdById: s.actorId,
      // The weighted criteria it was scored on (a call's weights add up to 100).
      criteria: { create: [{ number: 1, name: "服务方案", weight: 50 }, { number: 2, name: "团队配置", weight: 30 }, { number: 3, name: "预算合理性", weight: 20 }] },
    },
    select: { id: true },
  });
  const proposal = await tx.proposal.create({
    data: {
      callId: call.id,
      organizationId: s.organizationId,
      narrative: `${s.title}服务方案`,
      totalFen: s.valueFen,
      status: "SELECTED",
      submittedAt: new Date(s.termStart.getTime() - 40 * DAY),
      staff: { create: s.staff.map((practitionerId) => ({ practitionerId })) },
      budgetLines: { create: [{ number: 1, item: "服务人员经费", amountFen: s.valueFen }] },
    },
    select: { id: true },
  });
  await tx.serviceCall.update({ where: { id: call.id }, data: { selectedProposalId: proposal.id } });
  const contract = await tx.contract.create({
    data: {
      reference: s.reference,
      callId: call.id,
      organizationId: s.organizationId,
      valueFen: s.valueFen,
      termStart: s.termStart,
      termEnd: s.termEnd,
      minQualifiedStaff: s.minQualifiedStaff,
      minQualifiedPercent: s.minQualifiedPercent,
      budgetLineId: s.budgetLineId,
      createdById: s.actorId,
      staff: { create: s.staff.map((practitionerId) => ({ practitionerId, from: s.termStart })) },
    },
    select: { id: true },
  });
  const milestones: { id: string; amountFen: bigint; status: string }[] = [];
  for (const [i, m] of s.milestones.entries()) {
    const decided = m.status === "ACCEPTED" || m.status === "RETURNED";
    const reported = decided || m.status === "REPORTED";
    milestones.push(
      await tx.milestone.create({
        data: {
          contractId: contract.id,
          number: i + 1,
          title: m.title,
          deliverable: m.deliverable,
          dueDate: m.dueDate,
          amountFen: m.amountFen,
          status: m.status,
          reportNote: reported ? `${m.title}已完成，详见报告。` : null,
          reportedAt: reported ? new Date(m.dueDate.getTime() - 3 * DAY) : null,
          reportedById: reported ? (s.reporterId ?? null) : null,
          decidedAt: decided ? new Date(m.dueDate.getTime() + 2 * DAY) : null,
          decidedById: decided ? (s.deciderId ?? null) : null,
          returnReason: m.status === "RETURNED" ? (m.returnReason ?? "请补充服务记录。") : null,
        },
        select: { id: true, amountFen: true, status: true },
      }),
    );
  }
  await commit(contract.id);
  return { id: contract.id, callId: call.id, proposalId: proposal.id, milestones };
}

type TOrgs = readonly { id: string; name: string }[];
type TDistrict = { id: string; path: string };

/** What the ledger writes for a promise and for a part paid: the same rows, the same references. */
export async function commitEntry(tx: TTx, lineId: string, contractId: string, amountFen: bigint, actorId: string) {
  await tx.fundEntry.create({ data: { lineId, kind: "COMMITMENT", amountFen, sourceRef: `contract:${contractId}`, actorId } });
}
async function payEntry(tx: TTx, lineId: string, contractId: string, disbursementId: string, amountFen: bigint, actorId: string) {
  const base = `contract:${contractId}:part:disbursement:${disbursementId}`;
  await tx.fundEntry.create({ data: { lineId, kind: "RELEASE", amountFen, sourceRef: `${base}:release`, note: "disbursement", actorId } });
  await tx.fundEntry.create({ data: { lineId, kind: "SPENDING", amountFen, sourceRef: `${base}:spend`, note: "disbursement", actorId } });
}

export async function seedDemoContracts(
  tx: TTx,
  { today, orgs, districts, servicesLineId, cityAdminId, deptOfficerId, agencyAdminId, workerId }: { today: Date; orgs: TOrgs; districts: Map<string, TDistrict>; servicesLineId: string; cityAdminId: string; deptOfficerId: string; agencyAdminId: string; workerId: string },
) {
  const org = (name: string) => {
    const id = orgs.find((o) => o.name === name)?.id;
    if (!id) throw new Error(`demo contracts: unknown organisation ${name}`);
    return id;
  };
  const district = (code: string) => {
    const d = districts.get(code);
    if (!d) throw new Error(`demo contracts: unknown district ${code}`);
    return d;
  };
  const year = today.getUTCFullYear();
  const day = (offset: number) => new Date(today.getTime() + offset * DAY);
  // A second city administrator, so the payment waiting for a second approval can be approved in the demo.
  const secondCity = await tx.user.findFirst({ where: { role: "CITY_ADMIN", id: { not: cityAdminId } }, select: { id: true } });

  /** Up to `n` people of the agency who count today (not 李明, whose own pages other demos use). */
  const counting = async (organizationId: string, n: number) =>
    (
      await tx.practitioner.findMany({
        where: { organizationId, status: "ACTIVE", qualificationLevel: { in: [...COUNTING] }, registrationEnd: { gte: today }, id: { not: workerId } },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        take: n,
        select: { id: true },
      })
    ).map((p) => p.id);

  const sunshine = org("示例市阳光社会工作服务中心");
  const education = org("示例市教育局");
  // The shortfall: a social worker of 阳光 who has left the agency (the register's own history when
  // it holds one; otherwise one of its counting staff leaves 20 days ago).
  let leaver = await tx.practitioner.findFirst({
    where: { organizationId: sunshine, status: { not: "ACTIVE" }, qualificationLevel: { in: [...COUNTING] }, statusSince: { gte: day(-200) } },
    orderBy: { statusSince: "desc" },
    select: { id: true, statusSince: true },
  });
  if (!leaver) {
    const [id] = await counting(sunshine, 1);
    if (!id) throw new Error("demo contracts: no counting staff at 阳光");
    const leftOn = day(-20);
    await tx.employmentRecord.updateMany({ where: { practitionerId: id, to: null }, data: { to: leftOn, endReason: "LEFT", note: "离职" } });
    await tx.practitioner.update({ where: { id }, data: { organizationId: null } });
    leaver = { id, statusSince: leftOn };
  }
  const leftOn = leaver.statusSince ?? day(-20);

  type TPlan = Omit<TContractSpec, "reference" | "callReference" | "regionId" | "regionPath" | "budgetLineId" | "actorId" | "staff"> & { district: string; staffCount: number; extraStaff?: string[]; payments?: { milestone: number; amountFen: bigint; waiting?: boolean }[] };
  const m = (title: string, deliverable: string, dueDate: Date, amountFen: bigint, status: TMilestoneSpec["status"]): TMilestoneSpec => ({ title, deliverable, dueDate, amountFen, status });
  const plans: TPlan[] = [
    {
      title: "东城区校园社会工作服务项目", type: "COMMUNITY", practiceField: "SCHOOLS", district: "990101", departmentId: education, organizationId: sunshine,
      valueFen: 48_000_000n, termStart: day(-150), termEnd: day(215), minQualifiedStaff: 2, minQualifiedPercent: 50, staffCount: 2,
      milestones: [m("需求评估与服务方案", "需求评估报告", day(-100), 12_000_000n, "ACCEPTED"), m("个案与小组服务（上半期）", "服务记录与中期报告", day(-5), 18_000_000n, "REPORTED"), m("结项评估", "结项报告", day(200), 18_000_000n, "PENDING")],
      // Above the city's ¥100,000 threshold: waits for a second city administrator.
      payments: [{ milestone: 1, amountFen: 12_000_000n, waiting: true }],
    },
    {
      title: "留守儿童关爱社会工作服务项目", type: "COMMUNITY", practiceField: "SCHOOLS", district: "990101", departmentId: education, organizationId: sunshine,
      valueFen: 30_000_000n, termStart: new Date(Math.min(leftOn.getTime() - 30 * DAY, day(-120).getTime())), termEnd: day(240), minQualifiedStaff: 2, minQualifiedPercent: 60, staffCount: 1, extraStaff: [leaver.id],
      milestones: [m("服务启动与建档", "服务对象档案", day(-60), 9_000_000n, "ACCEPTED"), m("中期服务", "中期报告", day(60), 12_000_000n, "PENDING"), m("结项", "结项报告", day(230), 9_000_000n, "PENDING")],
      payments: [{ milestone: 1, amountFen: 9_000_000n }],
    },
    {
      title: "社区居家养老社会工作服务项目", type: "ELDER_CARE", practiceField: "WELFARE_INSTITUTIONS", district: "990102", departmentId: null, organizationId: org("示例市长青老年社会工作服务社"),
      valueFen: 60_000_000n, termStart: day(-200), termEnd: day(165), minQualifiedStaff: 2, minQualifiedPercent: 50, staffCount: 2,
      milestones: [m("入户评估", "评估报告", day(-150), 15_000_000n, "ACCEPTED"), m("上半年服务", "服务报告", day(-20), 25_000_000n, "PENDING"), m("全年服务总结", "总结报告", day(150), 20_000_000n, "PENDING")],
      payments: [{ milestone: 1, amountFen: 8_000_000n }, { milestone: 1, amountFen: 7_000_000n }],
    },
    {
      title: "社会福利院院舍社会工作服务项目", type: "WELFARE_INSTITUTION", practiceField: "CIVIL_AFFAIRS", district: "990102", departmentId: org("示例市民政局"), organizationId: org("示例市同心社会工作服务中心"),
      valueFen: 36_000_000n, termStart: day(-300), termEnd: day(-10), minQualifiedStaff: 1, minQualifiedPercent: 50, staffCount: 1,
      milestones: [m("院舍服务评估", "评估报告", day(-250), 12_000_000n, "ACCEPTED"), m("个案服务", "个案报告", day(-120), 12_000_000n, "ACCEPTED"), m("结项", "结项报告", day(-15), 12_000_000n, "ACCEPTED")],
      payments: [{ milestone: 1, amountFen: 9_000_000n }, { milestone: 2, amountFen: 9_000_000n }],
    },
    {
      title: "社区矫正对象社会工作服务项目", type: "JUDICIAL_ASSISTANCE", practiceField: "SOCIAL_ORGANIZATIONS", district: "990103", departmentId: org("示例市司法局"), organizationId: org("示例市守望社会工作服务中心"),
      valueFen: 42_000_000n, termStart: day(-180), termEnd: day(185), minQualifiedStaff: 1, minQualifiedPercent: 0, staffCount: 2,
      milestones: [m("入矫评估", "评估报告", day(-130), 14_000_000n, "ACCEPTED"), m("帮教服务", "服务报告", day(-40), 14_000_000n, "RETURNED"), m("结项", "结项报告", day(170), 14_000_000n, "PENDING")],
      payments: [{ milestone: 1, amountFen: 7_000_000n }],
    },
    {
      title: "计生特殊家庭关爱服务项目", type: "FAMILY_PLANNING", practiceField: "FAMILY_PLANNING", district: "990103", departmentId: org("示例市人口和计划生育办公室"), organizationId: org("示例市湖畔家庭社会工作服务中心"),
      valueFen: 24_000_000n, termStart: day(-90), termEnd: day(275), minQualifiedStaff: 1, minQualifiedPercent: 50, staffCount: 1,
      milestones: [m("家庭走访", "走访记录", day(-30), 8_000_000n, "PENDING"), m("支持小组", "小组报告", day(90), 8_000_000n, "PENDING"), m("结项", "结项报告", day(260), 8_000_000n, "PENDING")],
    },
    {
      title: "青少年行为矫正社会工作服务项目", type: "BEHAVIOUR_CORRECTION", practiceField: "SCHOOLS", district: "990101", departmentId: education, organizationId: org("示例市启航青少年社会工作服务中心"),
      valueFen: 27_000_000n, termStart: day(-120), termEnd: day(245), minQualifiedStaff: 1, minQualifiedPercent: 50, staffCount: 2,
      milestones: [m("个案评估", "评估报告", day(-70), 9_000_000n, "ACCEPTED"), m("干预服务", "服务报告", day(20), 9_000_000n, "PENDING"), m("结项", "结项报告", day(230), 9_000_000n, "PENDING")],
      payments: [{ milestone: 1, amountFen: 9_000_000n }],
    },
    {
      title: "北山社区综合社会工作服务项目", type: "COMMUNITY", practiceField: "CIVIL_AFFAIRS", district: "990104", departmentId: null, organizationId: org("示例市北山社区社会工作服务社"),
      valueFen: 33_000_000n, termStart: day(-60), termEnd: day(305), minQualifiedStaff: 1, minQualifiedPercent: 50, staffCount: 1,
      milestones: [m("社区需求调研", "调研报告", day(10), 11_000_000n, "PENDING"), m("社区活动", "活动报告", day(150), 11_000_000n, "PENDING"), m("结项", "结项报告", day(290), 11_000_000n, "PENDING")],
    },
    {
      title: "乡村困境群体社会工作服务项目", type: "OTHER", practiceField: "CIVIL_AFFAIRS", district: "990125", departmentId: org("示例市民政局"), organizationId: org("示例市滨江乡村社会工作服务站"),
      valueFen: 21_000_000n, termStart: day(-240), termEnd: day(125), minQualifiedStaff: 1, minQualifiedPercent: 0, staffCount: 1,
      milestones: [m("困境群体摸底", "摸底报告", day(-190), 7_000_000n, "ACCEPTED"), m("帮扶服务", "服务报告", day(-50), 7_000_000n, "ACCEPTED"), m("结项", "结项报告", day(110), 7_000_000n, "PENDING")],
      payments: [{ milestone: 1, amountFen: 7_000_000n }, { milestone: 2, amountFen: 7_000_000n }],
    },
  ];

  let n = 100;
  for (const plan of plans) {
    n++;
    const d = district(plan.district);
    const staff = [...(await counting(plan.organizationId, plan.staffCount)), ...(plan.extraStaff ?? [])];
    const { payments } = plan;
    const spec: Omit<TContractSpec, "reference" | "callReference" | "regionId" | "regionPath" | "budgetLineId" | "actorId" | "staff"> = { title: plan.title, type: plan.type, practiceField: plan.practiceField, departmentId: plan.departmentId, organizationId: plan.organizationId, valueFen: plan.valueFen, termStart: plan.termStart, termEnd: plan.termEnd, minQualifiedStaff: plan.minQualifiedStaff, minQualifiedPercent: plan.minQualifiedPercent, milestones: plan.milestones };
    const made = await insertContract(
      tx,
      { ...spec, reference: `HT-${year}-${String(n).padStart(4, "0")}`, callReference: `FW-${year}-${String(n).padStart(4, "0")}`, regionId: d.id, regionPath: d.path, budgetLineId: servicesLineId, actorId: cityAdminId, staff, reporterId: plan.organizationId === sunshine ? agencyAdminId : null, deciderId: plan.departmentId === education ? deptOfficerId : cityAdminId },
      (id) => commitEntry(tx, servicesLineId, id, plan.valueFen, cityAdminId),
    );
    for (const p of payments ?? []) {
      const milestone = made.milestones[p.milestone - 1]!;
      const requester = plan.departmentId === education ? deptOfficerId : cityAdminId;
      const disbursement = await tx.disbursement.create({
        data: {
          milestoneId: milestone.id,
          amountFen: p.amountFen,
          status: p.waiting ? "REQUESTED" : "PAID",
          requestedById: p.waiting ? cityAdminId : requester,
          approvedById: p.waiting ? null : p.amountFen > 10_000_000n ? (secondCity?.id ?? null) : null,
          decidedAt: p.waiting ? null : new Date(today.getTime() - 2 * DAY),
        },
        select: { id: true },
      });
      if (!p.waiting) await payEntry(tx, servicesLineId, made.id, disbursement.id, p.amountFen, cityAdminId);
    }
  }
  // The closed-out welfare contract (all milestones accepted): closed, what was unpaid given back.
  const welfare = await tx.contract.findFirstOrThrow({ where: { reference: `HT-${year}-0104` }, select: { id: true, valueFen: true } });
  const paid = 18_000_000n;
  await tx.contract.update({ where: { id: welfare.id }, data: { status: "CLOSED", closedOn: day(-5) } });
  await tx.fundEntry.create({ data: { lineId: servicesLineId, kind: "RELEASE", amountFen: welfare.valueFen - paid, sourceRef: `contract:${welfare.id}:release`, note: "closed", actorId: cityAdminId } });
}
