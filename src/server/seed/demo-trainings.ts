import type { Prisma } from "@/generated/prisma/client";
import type { TTx } from "@/server/db";
import { enrolmentSourceRef, formatTrainingReference, isCompleted } from "@/domain/trainings/rules";
import type { TDemoOrg } from "./demo-practitioners";

// The demo city's training (issue 12 §1): two commissioned providers with their approvals, and
// programmes of every kind — closed ones with attendance and completions (hours in the ledger,
// subsidies paid from the training-subsidy line), running ones, open ones (one full, with a
// waiting list), a draft and a cancelled one. 李明 (worker@demo.local) completed a programme whose
// hours are the training line already in his ledger, and is enrolled in an open one.
//
// The seed runs outside React Server Components, so it writes what the server functions would
// (src/server/funds/ledger.ts, creditCpd) itself, in their formats: a place's subsidy is a
// COMMITMENT under training:<enrolmentId>; a completion adds its RELEASE (…:release) and SPENDING
// (…:spend) and a VERIFIED CPD entry under training:<enrolmentId>; a withdrawal or a
// non-completion only the RELEASE. tests/integration/demo-trainings.test.ts checks that closing
// again through the server changes nothing.

const DAY = 86_400_000;

type TPerson = { id: string; name: string; organizationId: string | null };
type TSessionPlan = { offset: number; startsAt: string; halfHours: number; topic: string };
type TProgrammePlan = {
  title: string;
  kind: "PROFESSIONAL" | "ROTATION" | "SEMINAR" | "EXAM_PREPARATION" | "INDUCTION";
  scope: "THEORY" | "PRACTICE" | "EXAM_PREPARATION";
  provider: string;
  venue: string;
  capacity: number;
  cpdHalfHours?: number;
  completionPercent?: number;
  costFen: number;
  subsidyFen: number;
  status: "DRAFT" | "PUBLISHED" | "CANCELLED" | "CLOSED";
  sessions: TSessionPlan[];
  audience?: Partial<Pick<Prisma.TrainingUncheckedCreateInput, "audienceDepartmentTypes" | "audienceOrganizationKinds" | "audienceLevels">> & { districts?: string[] };
  /** Participants: who they are and how they did (sessions missed, a withdrawal). */
  people: (TPerson & { missed?: number[]; withdrew?: boolean })[];
};

export type TDemoTrainingsInput = {
  today: Date;
  orgs: TDemoOrg[];
  cityAdminId: string;
  trainingLineId: string;
  workerId: string;
};

export async function seedDemoTrainings(tx: TTx, input: TDemoTrainingsInput) {
  const { today } = input;
  const at = (offset: number) => new Date(today.getTime() + offset * DAY);
  const orgId = (name: string) => {
    const o = input.orgs.find((x) => x.name === name);
    if (!o) throw new Error(`demo trainings: unknown organisation ${name}`);
    return o.id;
  };
  const centre = orgId("示例市社会工作教育培训中心");
  const university = orgId("示例大学社会工作继续教育中心");
  const providerName = new Map([
    [centre, "示例市社会工作教育培训中心"],
    [university, "示例大学社会工作继续教育中心"],
  ]);

  // Approvals: the centre's earlier one expired (history); both hold one in force.
  await tx.providerApproval.createMany({
    data: [
      { organizationId: centre, scopes: ["THEORY", "PRACTICE"], validFrom: at(-800), validTo: at(-401), approvedById: input.cityAdminId },
      { organizationId: centre, scopes: ["THEORY", "PRACTICE", "EXAM_PREPARATION"], validFrom: at(-400), validTo: at(330), approvedById: input.cityAdminId },
      { organizationId: university, scopes: ["THEORY", "PRACTICE"], validFrom: at(-300), validTo: at(430), approvedById: input.cityAdminId },
    ],
  });

  // People to enrol: active practitioners by employer kind, in a fixed order (ids are the seed's own).
  const active = await tx.practitioner.findMany({
    where: { status: "ACTIVE", id: { not: input.workerId } },
    orderBy: { id: "asc" },
    select: { id: true, name: true, organizationId: true, employmentType: true, qualificationLevel: true, organization: { select: { kind: true, departmentType: true } } },
  });
  const agencyStaff = active.filter((p) => p.organization?.kind === "AGENCY");
  const civilServants = active.filter((p) => p.employmentType === "CIVIL_SERVANT");
  const institutions = active.filter((p) => p.organization && ["WELFARE_INSTITUTION", "SCHOOL", "HOSPITAL"].includes(p.organization.kind));
  const worker = await tx.practitioner.findUniqueOrThrow({ where: { id: input.workerId }, select: { id: true, name: true, organizationId: true } });
  let cursor = 0;
  /** The next `n` people of a pool, going round it, so programmes share few participants. */
  const take = (pool: TPerson[], n: number) => {
    const out: TPerson[] = [];
    for (let i = 0; i < n && pool.length; i++) out.push(pool[(cursor + i) % pool.length]!);
    cursor += n;
    return out;
  };
  const missing = (people: TPerson[], rule: (i: number) => number[] | undefined) => people.map((p, i) => ({ ...p, missed: rule(i) }));

  // 李明's completed programme is the training line already in his ledger (demo-practitioners.ts).
  const his = await tx.cpdEntry.findFirstOrThrow({ where: { practitionerId: worker.id, kind: "TRAINING_PROGRAMME", status: "VERIFIED" }, orderBy: { endDate: "asc" } });
  const hisDays = Math.round((his.endDate.getTime() - his.startDate.getTime()) / DAY);
  const hisOffset = Math.round((his.startDate.getTime() - today.getTime()) / DAY);
  const hisCount = Math.max(1, Math.min(4, hisDays + 1));
  const hisSessions: TSessionPlan[] = Array.from({ length: hisCount }, (_, i) => ({
    offset: hisOffset + Math.round((i * hisDays) / Math.max(1, hisCount - 1)),
    startsAt: "09:00",
    halfHours: 0,
    topic: ["个案工作方法与伦理", "个案评估与服务计划", "危机介入实务", "个案记录与督导"][i]!,
  }));
  // Spread the entry's hours over its sessions in whole half hours.
  hisSessions.forEach((s, i) => (s.halfHours = Math.floor(his.halfHours / hisSessions.length) + (i < his.halfHours % hisSessions.length ? 1 : 0)));

  const plans: TProgrammePlan[] = [
    {
      title: "个案社会工作实务能力提升培训",
      kind: "PROFESSIONAL",
      scope: "PRACTICE",
      provider: centre,
      venue: "示例市社会工作教育培训中心 301 教室",
      capacity: 30,
      costFen: 120_000,
      subsidyFen: 80_000,
      status: "CLOSED",
      sessions: hisSessions,
      people: [{ ...worker }, ...missing(take(agencyStaff, 9), (i) => (i === 7 ? [1, 2] : undefined))],
    },
    {
      title: "儿童保护社会工作专题培训",
      kind: "PROFESSIONAL",
      scope: "PRACTICE",
      provider: centre,
      venue: "示例市社会工作教育培训中心 201 教室",
      capacity: 25,
      costFen: 90_000,
      subsidyFen: 60_000,
      status: "CLOSED",
      sessions: [
        { offset: -150, startsAt: "09:00", halfHours: 6, topic: "儿童保护政策与法规" },
        { offset: -149, startsAt: "09:00", halfHours: 6, topic: "儿童虐待识别与报告" },
        { offset: -148, startsAt: "09:00", halfHours: 6, topic: "家庭评估与安全计划" },
        { offset: -147, startsAt: "09:00", halfHours: 6, topic: "个案演练与结业" },
      ],
      people: missing(take(agencyStaff, 14), (i) => (i % 6 === 5 ? [1, 2] : i === 3 ? [4] : undefined)),
    },
    {
      title: "街道民政干部社会工作轮训（第一期）",
      kind: "ROTATION",
      scope: "THEORY",
      provider: centre,
      venue: "示例市民政局会议中心",
      capacity: 40,
      costFen: 50_000,
      subsidyFen: 50_000,
      status: "CLOSED",
      audience: { audienceOrganizationKinds: ["GOVERNMENT_DEPARTMENT"] },
      sessions: [
        { offset: -95, startsAt: "14:00", halfHours: 6, topic: "社会工作理念与方法" },
        { offset: -94, startsAt: "14:00", halfHours: 6, topic: "社会救助中的社会工作" },
      ],
      people: missing(civilServants.slice(0, 8), (i) => (i === 5 ? [1, 2] : undefined)),
    },
    {
      title: "公共服务部门负责人社会工作研修班",
      kind: "SEMINAR",
      scope: "THEORY",
      provider: university,
      venue: "示例大学社会学院报告厅",
      capacity: 30,
      costFen: 200_000,
      subsidyFen: 100_000,
      status: "CLOSED",
      sessions: [
        { offset: -60, startsAt: "09:00", halfHours: 8, topic: "社会治理与社会工作" },
        { offset: -59, startsAt: "09:00", halfHours: 8, topic: "公共服务中的专业社会工作" },
        { offset: -58, startsAt: "09:00", halfHours: 8, topic: "政府购买服务的设计与监管" },
      ],
      people: missing([...take(agencyStaff, 6), ...take(institutions, 4)], (i) => (i === 2 ? [3] : undefined)),
    },
    {
      title: "社会工作者职业水平考试考前辅导（中级）",
      kind: "EXAM_PREPARATION",
      scope: "EXAM_PREPARATION",
      provider: centre,
      venue: "示例市社会工作教育培训中心 101 教室",
      capacity: 40,
      cpdHalfHours: 12,
      costFen: 60_000,
      subsidyFen: 30_000,
      status: "CLOSED",
      sessions: [
        { offset: -45, startsAt: "09:00", halfHours: 8, topic: "社会工作综合能力" },
        { offset: -38, startsAt: "09:00", halfHours: 8, topic: "社会工作实务" },
        { offset: -31, startsAt: "09:00", halfHours: 8, topic: "社会工作法规与政策" },
      ],
      people: missing(take([...institutions, ...agencyStaff], 12), (i) => (i % 5 === 4 ? [2, 3] : undefined)),
    },
    {
      title: "新进公务员社会工作入职培训（第一期）",
      kind: "INDUCTION",
      scope: "THEORY",
      provider: centre,
      venue: "示例市行政学院",
      capacity: 30,
      costFen: 40_000,
      subsidyFen: 40_000,
      status: "CLOSED",
      audience: { audienceOrganizationKinds: ["GOVERNMENT_DEPARTMENT"] },
      sessions: [
        { offset: -75, startsAt: "09:00", halfHours: 6, topic: "社会工作概论" },
        { offset: -74, startsAt: "09:00", halfHours: 6, topic: "民政服务与社会工作" },
      ],
      people: missing(civilServants.slice(-3), () => undefined),
    },
    {
      title: "老年社会工作实务进阶",
      kind: "PROFESSIONAL",
      scope: "PRACTICE",
      provider: centre,
      venue: "示例市社会工作教育培训中心 302 教室",
      capacity: 30,
      costFen: 100_000,
      subsidyFen: 60_000,
      status: "PUBLISHED",
      sessions: [
        { offset: -7, startsAt: "09:00", halfHours: 6, topic: "老年人需求评估" },
        { offset: -2, startsAt: "09:00", halfHours: 6, topic: "认知障碍照护与家庭支持" },
        { offset: 5, startsAt: "09:00", halfHours: 6, topic: "安宁疗护中的社会工作" },
        { offset: 12, startsAt: "09:00", halfHours: 6, topic: "社区居家养老项目实务" },
      ],
      people: missing(take(agencyStaff, 12), (i) => (i % 4 === 3 ? [2] : undefined)),
    },
    {
      title: "卫生健康系统医务社会工作轮训",
      kind: "ROTATION",
      scope: "PRACTICE",
      provider: university,
      venue: "示例市人民医院学术报告厅",
      capacity: 30,
      costFen: 80_000,
      subsidyFen: 50_000,
      status: "PUBLISHED",
      audience: { audienceOrganizationKinds: ["HOSPITAL", "GOVERNMENT_DEPARTMENT"] },
      sessions: [
        { offset: -3, startsAt: "14:00", halfHours: 6, topic: "医务社会工作概论" },
        { offset: 4, startsAt: "14:00", halfHours: 6, topic: "患者及家属支持" },
        { offset: 11, startsAt: "14:00", halfHours: 6, topic: "医患沟通与危机介入" },
      ],
      people: missing(active.filter((p) => p.organization?.kind === "HOSPITAL").slice(0, 8), () => undefined),
    },
    {
      title: "社区社会工作项目设计与评估",
      kind: "PROFESSIONAL",
      scope: "PRACTICE",
      provider: centre,
      venue: "示例市社会工作教育培训中心 201 教室",
      capacity: 30,
      costFen: 100_000,
      subsidyFen: 60_000,
      status: "PUBLISHED",
      sessions: [
        { offset: 21, startsAt: "09:00", halfHours: 7, topic: "需求调研与项目立项" },
        { offset: 22, startsAt: "09:00", halfHours: 7, topic: "项目设计与预算" },
        { offset: 28, startsAt: "09:00", halfHours: 7, topic: "过程管理与成效评估" },
      ],
      people: [{ ...worker }, ...take(agencyStaff, 7)],
    },
    {
      title: "助理社会工作师考前辅导",
      kind: "EXAM_PREPARATION",
      scope: "EXAM_PREPARATION",
      provider: centre,
      venue: "示例市社会工作教育培训中心 101 教室",
      capacity: 6,
      cpdHalfHours: 16,
      costFen: 50_000,
      subsidyFen: 30_000,
      status: "PUBLISHED",
      audience: { audienceLevels: ["NONE", "DEGREE"] },
      sessions: [
        { offset: 35, startsAt: "09:00", halfHours: 8, topic: "社会工作综合能力（初级）" },
        { offset: 42, startsAt: "09:00", halfHours: 8, topic: "社会工作实务（初级）" },
        { offset: 49, startsAt: "09:00", halfHours: 8, topic: "模拟考试与讲评" },
      ],
      people: active.filter((p) => p.organization?.kind === "AGENCY" && (p.qualificationLevel === "NONE" || p.qualificationLevel === "DEGREE")).slice(0, 9),
    },
    {
      title: "社会工作服务机构负责人高级研修班",
      kind: "SEMINAR",
      scope: "THEORY",
      provider: university,
      venue: "示例大学社会学院 A201",
      capacity: 25,
      costFen: 250_000,
      subsidyFen: 120_000,
      status: "PUBLISHED",
      audience: { audienceOrganizationKinds: ["AGENCY"] },
      sessions: [
        { offset: 45, startsAt: "09:00", halfHours: 8, topic: "社会工作机构治理" },
        { offset: 46, startsAt: "09:00", halfHours: 8, topic: "人力资源与督导体系" },
        { offset: 47, startsAt: "09:00", halfHours: 8, topic: "品牌建设与公信力" },
      ],
      people: take(agencyStaff, 4),
    },
    {
      title: "新进公务员社会工作入职培训（第二期）",
      kind: "INDUCTION",
      scope: "THEORY",
      provider: centre,
      venue: "示例市行政学院",
      capacity: 30,
      costFen: 40_000,
      subsidyFen: 40_000,
      status: "PUBLISHED",
      audience: { audienceOrganizationKinds: ["GOVERNMENT_DEPARTMENT"] },
      sessions: [
        { offset: 60, startsAt: "09:00", halfHours: 6, topic: "社会工作概论" },
        { offset: 61, startsAt: "09:00", halfHours: 6, topic: "民政服务与社会工作" },
      ],
      people: [],
    },
    {
      title: "家庭社会工作与婚姻辅导",
      kind: "PROFESSIONAL",
      scope: "PRACTICE",
      provider: centre,
      venue: "示例市社会工作教育培训中心 302 教室",
      capacity: 30,
      costFen: 100_000,
      subsidyFen: 60_000,
      status: "DRAFT",
      sessions: [{ offset: 80, startsAt: "09:00", halfHours: 6, topic: "家庭系统理论" }],
      people: [],
    },
    {
      title: "禁毒社会工作专题培训",
      kind: "PROFESSIONAL",
      scope: "PRACTICE",
      provider: university,
      venue: "示例大学社会学院 B105",
      capacity: 20,
      costFen: 80_000,
      subsidyFen: 50_000,
      status: "CANCELLED",
      sessions: [
        { offset: 15, startsAt: "09:00", halfHours: 6, topic: "禁毒政策与社区戒毒" },
        { offset: 16, startsAt: "09:00", halfHours: 6, topic: "戒毒康复人员个案管理" },
      ],
      people: take(agencyStaff, 3),
    },
  ];

  const sequence = new Map<number, number>();
  const fundEntries: Prisma.FundEntryCreateManyInput[] = [];
  const cpd: Prisma.CpdEntryCreateManyInput[] = [];
  let workerEnrolment: string | null = null;
  for (const plan of plans) {
    const dates = plan.sessions.map((s) => at(s.offset));
    const startDate = dates.reduce((a, b) => (a < b ? a : b));
    const endDate = dates.reduce((a, b) => (a > b ? a : b));
    const year = startDate.getUTCFullYear();
    sequence.set(year, (sequence.get(year) ?? 0) + 1);
    const length = plan.sessions.reduce((n, s) => n + s.halfHours, 0);
    const completionPercent = plan.completionPercent ?? 80;
    const cpdHalfHours = plan.cpdHalfHours ?? length;
    const districtIds = plan.audience?.districts ?? [];
    const t = await tx.training.create({
      data: {
        reference: formatTrainingReference(year, sequence.get(year)!),
        kind: plan.kind,
        scope: plan.scope,
        title: plan.title,
        providerId: plan.provider,
        startDate,
        endDate,
        venue: plan.venue,
        capacity: plan.capacity,
        lengthHalfHours: length,
        cpdHalfHours,
        completionPercent,
        audienceDepartmentTypes: plan.audience?.audienceDepartmentTypes ?? [],
        audienceRegionIds: districtIds,
        audienceOrganizationKinds: plan.audience?.audienceOrganizationKinds ?? [],
        audienceLevels: plan.audience?.audienceLevels ?? [],
        costFen: plan.costFen,
        subsidyFen: plan.subsidyFen,
        budgetLineId: plan.subsidyFen > 0 ? input.trainingLineId : null,
        status: plan.status,
        createdById: input.cityAdminId,
        createdAt: new Date(startDate.getTime() - 30 * DAY),
      },
      select: { id: true, reference: true },
    });
    const sessions = await tx.trainingSession.createManyAndReturn({
      data: plan.sessions.map((s, i) => ({ trainingId: t.id, number: i + 1, date: dates[i]!, startsAt: s.startsAt, halfHours: s.halfHours, topic: s.topic })),
      select: { id: true, number: true, date: true },
    });
    // Unique people, in order: the first `capacity` hold places, the rest wait.
    const people = [...new Map(plan.people.map((p) => [p.id, p])).values()];
    const attendance: Prisma.TrainingAttendanceCreateManyInput[] = [];
    for (const [i, p] of people.entries()) {
      const place = i < plan.capacity;
      const status =
        plan.status === "CANCELLED"
          ? "WITHDRAWN"
          : !place
            ? plan.status === "CLOSED"
              ? "WITHDRAWN"
              : "WAITLISTED"
            : plan.status === "CLOSED"
              ? isCompleted(sessions.length - (p.missed?.length ?? 0), sessions.length, completionPercent)
                ? "COMPLETED"
                : "NOT_COMPLETED"
              : "ENROLLED";
      const e = await tx.trainingEnrolment.create({
        data: {
          trainingId: t.id,
          practitionerId: p.id,
          number: i + 1,
          status,
          waitlistPosition: status === "WAITLISTED" ? i - plan.capacity + 1 : null,
          enrolledById: input.cityAdminId,
          enrolledAt: new Date(startDate.getTime() - (20 - Math.min(i, 15)) * DAY),
          withdrawnAt: status === "WITHDRAWN" ? (plan.status === "CANCELLED" ? new Date(startDate.getTime() - 3 * DAY) : endDate) : null,
          completedAt: status === "COMPLETED" ? new Date(endDate.getTime() + DAY) : null,
        },
        select: { id: true },
      });
      if (p.id === worker.id && plan.status === "CLOSED") workerEnrolment = e.id;
      // Attendance of the sessions that have taken place, for those holding a place.
      if (place && plan.status !== "CANCELLED" && plan.status !== "DRAFT") {
        for (const s of sessions) {
          if (s.date.getTime() > today.getTime()) continue;
          attendance.push({ sessionId: s.id, enrolmentId: e.id, present: !(p.missed ?? []).includes(s.number), recordedAt: new Date(s.date.getTime() + 10 * 3_600_000) });
        }
      }
      // Money, as the ledger writes it.
      const ref = enrolmentSourceRef(e.id);
      const promised = place && plan.subsidyFen > 0 && plan.status !== "DRAFT";
      if (promised) {
        const when = new Date(startDate.getTime() - 15 * DAY);
        fundEntries.push({ lineId: input.trainingLineId, kind: "COMMITMENT", amountFen: BigInt(plan.subsidyFen), sourceRef: ref, note: t.reference, actorId: input.cityAdminId, createdAt: when });
        if (status === "COMPLETED" || status === "NOT_COMPLETED" || status === "WITHDRAWN") {
          const closed = plan.status === "CANCELLED" ? new Date(startDate.getTime() - 3 * DAY) : new Date(endDate.getTime() + DAY);
          fundEntries.push({ lineId: input.trainingLineId, kind: "RELEASE", amountFen: BigInt(plan.subsidyFen), sourceRef: `${ref}:release`, note: t.reference, actorId: input.cityAdminId, createdAt: closed });
          if (status === "COMPLETED") fundEntries.push({ lineId: input.trainingLineId, kind: "SPENDING", amountFen: BigInt(plan.subsidyFen), sourceRef: `${ref}:spend`, note: t.reference, actorId: input.cityAdminId, createdAt: closed });
        }
      }
      // Hours, as creditCpd writes them (李明's are his existing line, linked below).
      if (status === "COMPLETED" && p.id !== worker.id && cpdHalfHours > 0) {
        cpd.push({
          practitionerId: p.id,
          kind: "TRAINING_PROGRAMME",
          title: plan.title,
          provider: providerName.get(plan.provider)!,
          startDate,
          endDate,
          halfHours: cpdHalfHours,
          status: "VERIFIED",
          decidedAt: new Date(endDate.getTime() + DAY),
          sourceRef: ref,
          createdAt: new Date(endDate.getTime() + DAY),
        });
      }
    }
    if (attendance.length) await tx.trainingAttendance.createMany({ data: attendance });
  }
  if (fundEntries.length) await tx.fundEntry.createMany({ data: fundEntries });
  if (cpd.length) await tx.cpdEntry.createMany({ data: cpd });
  // 李明's ledger line is his completion of the first programme: same hours, now credited by it.
  if (workerEnrolment) {
    await tx.cpdEntry.update({ where: { id: his.id }, data: { sourceRef: enrolmentSourceRef(workerEnrolment), title: plans[0]!.title, provider: providerName.get(centre)! } });
  }
  return { programmes: plans.length };
}
