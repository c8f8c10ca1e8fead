import type { TTx } from "@/server/db";
import { addWorkingDays, drawSample, gradeOf, isWorkingDay, panelResult, ratingOf, sheetHundredths, spotCheckSize, DEFAULT_GRADE_BANDS, DEFAULT_RATING_TABLE, type TCalendar } from "@/domain/evaluations/rules";
import { addYears } from "@/domain/common/calendar-day";
import { populationIds } from "@/server/spot-checks/population";
import { creditCodeCheckChar } from "@/lib/credit-code";
import type { TDemoOrg } from "./demo-practitioners";
import { makeUser } from "./factories";
import { DEMO_PASSWORD } from "./demo-logins";

// Third-party evaluation in the demo city (issue 14, part D). Rubrics for the four kinds (the agency
// grading with an older, retired version), the evaluation centre's five evaluators (赵敏 —
// evaluator@demo.local — and four colleagues, one of whom left a demo agency within the last three
// years and is linked to their register entry, so that agency's evaluations recuse them), a second
// evaluation body with one evaluator, and evaluations in every status over the demo contracts, two
// agencies and two practitioners: panels of three or four (one recused by employment, one by a
// declared conflict), complete sheets wherever the status says the panel has scored, the result
// computed by the rules (src/domain/evaluations/rules.ts) with the city's settings, reports in
// Chinese, appeal windows by the city's working-day calendar, one appeal waiting for the city's
// decision, one FINAL "fail" with its integrity record, one FINAL grading with its rating, one
// FINAL project. 赵敏 has sheets to fill in.
//
// The seed runs outside Next (no "server-only" modules), so it writes the rows the evaluation
// mutations would write, with the same pure rules.

const DAY = 86_400_000;
const CITY_OFFSET = 8 * 3_600_000;

export const DEMO_EVALUATION_BODY = "示例市社会组织评估中心";
export const DEMO_SECOND_EVALUATION_BODY = { name: "示例市明远社会服务评估事务所", nameHant: "示例市明遠社會服務評估事務所", nameEn: "Mingyuan Social Service Evaluation Firm", region: "990103" };

/**
 * The evaluators besides evaluator@demo.local (demo.ts creates her), all with the demo password.
 * evaluator2 takes their name from the register entry they are linked to (a former agency social worker).
 */
export const DEMO_EVALUATORS = [
  { email: "evaluator2@demo.local", name: null, body: DEMO_EVALUATION_BODY, linked: true },
  { email: "evaluator3@demo.local", name: "孙立群", body: DEMO_EVALUATION_BODY, linked: false },
  { email: "evaluator4@demo.local", name: "周雅琴", body: DEMO_EVALUATION_BODY, linked: false },
  { email: "evaluator5@demo.local", name: "吴建华", body: DEMO_EVALUATION_BODY, linked: false },
  { email: "evaluator6@demo.local", name: "郑文博", body: DEMO_SECOND_EVALUATION_BODY.name, linked: false },
] as const;

// --- The working-day calendar ---------------------------------------------------------------
// The State Council's 2026 schedule (国办发明电〔2025〕7号, 2025-11-04) and 2027's statutory days
// (provisional). The database's WorkCalendarDay rows (the calendar migration) win when present;
// these facts are the same, for a database without them.

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};
const HOLIDAYS = [
  ...range("2026-01-01", "2026-01-03"),
  ...range("2026-02-15", "2026-02-23"),
  ...range("2026-04-04", "2026-04-06"),
  ...range("2026-05-01", "2026-05-05"),
  ...range("2026-06-19", "2026-06-21"),
  ...range("2026-09-25", "2026-09-27"),
  ...range("2026-10-01", "2026-10-07"),
  "2027-01-01",
  ...range("2027-02-05", "2027-02-08"),
  "2027-04-05",
  ...range("2027-05-01", "2027-05-02"),
  "2027-06-09",
  "2027-09-15",
  ...range("2027-10-01", "2027-10-03"),
];
const MAKE_UP_DAYS = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"];

/** The calendar facts above, as the rules read a calendar. */
export function demoCalendarFacts(): TCalendar {
  return new Map<string, "HOLIDAY" | "WORKDAY">([...HOLIDAYS.map((d) => [d, "HOLIDAY"] as const), ...MAKE_UP_DAYS.map((d) => [d, "WORKDAY"] as const)]);
}

// --- Rubrics --------------------------------------------------------------------------------

type TKind = "PROJECT_MIDTERM" | "PROJECT_FINAL" | "AGENCY_GRADING" | "PERSONAL_APPRAISAL";
type TCriterionSeed = { name: string; weight: number; descriptor: string };

const MIDTERM: TCriterionSeed[] = [
  { name: "项目管理", weight: 20, descriptor: "查阅项目实施方案、工作计划、人员分工和过程记录：计划按期执行、分工明确、档案完整规范的得 90 分以上；计划执行有偏差但已及时调整的得 70–89 分；无计划或档案缺失严重的不超过 60 分。" },
  { name: "服务进度", weight: 25, descriptor: "对照合同约定的阶段性指标，核查个案、小组、社区活动的完成数量和节点：完成率达到 100% 的得 90 分以上，达到 80% 的得 70–89 分，低于 60% 的不超过 60 分。" },
  { name: "服务质量", weight: 25, descriptor: "抽查服务记录、个案档案和活动资料，结合现场走访：需求评估准确、服务计划针对性强、记录规范的得高分；流于形式、记录与实际不符的酌情扣分。" },
  { name: "专业性", weight: 15, descriptor: "考察社会工作专业理念与方法的运用、持证社工配备及督导开展情况：持证社工达标、定期督导且有记录的得高分。" },
  { name: "财务管理", weight: 15, descriptor: "查阅项目资金台账、票据和支出凭证：专款专用、支出与预算相符、票据合规的得高分；存在超范围支出或票据不全的按问题程度扣分。" },
];
const FINAL: TCriterionSeed[] = [
  { name: "项目管理", weight: 20, descriptor: "查阅项目全周期的计划、执行、监测和总结材料：管理制度健全、过程监测到位、档案完整规范的得 90 分以上。" },
  { name: "服务成效", weight: 30, descriptor: "对照合同约定的产出和成效指标，核查服务对象改变、问题解决和社区支持网络建设情况：全部达成并有佐证材料的得 90 分以上，部分达成的按比例计分。" },
  { name: "专业性", weight: 20, descriptor: "考察专业方法运用、服务记录质量、督导和团队建设情况，以及项目经验的总结提炼。" },
  { name: "财务管理", weight: 15, descriptor: "查阅资金使用、决算报告和审计意见：专款专用、决算与预算相符、无违规支出的得高分。" },
  { name: "服务对象满意度", weight: 15, descriptor: "按不少于服务对象总数 10% 的比例开展满意度问卷和电话回访：满意率 95% 以上的得 90 分以上，85% 以上的得 80–89 分，低于 70% 的不超过 60 分。" },
];
const GRADING_2022: TCriterionSeed[] = [
  { name: "基础条件", weight: 20, descriptor: "登记注册、章程、办公场所、专职人员和资产状况符合社会工作服务机构登记管理的要求。" },
  { name: "内部治理", weight: 30, descriptor: "理事会、监事（会）按章程运作，人事、财务、档案、项目管理制度健全并有效执行。" },
  { name: "工作绩效", weight: 40, descriptor: "近三年承接服务项目的数量、质量和成效，项目评估结果，服务对象覆盖情况。" },
  { name: "社会评价", weight: 10, descriptor: "服务对象、购买方和登记管理机关的评价，媒体报道和表彰情况。" },
];
const GRADING_2026: TCriterionSeed[] = [
  { name: "基础条件", weight: 15, descriptor: "查验登记证书、章程、办公和服务场所、净资产及年度检查（年度报告）情况：均符合要求且连续两年年检合格的得 90 分以上。" },
  { name: "内部治理", weight: 25, descriptor: "理事会、监事（会）按章程召开会议并有记录，人事、财务、项目、档案和信息公开制度健全并有效执行；存在重大决策未按程序的不超过 60 分。" },
  { name: "人才队伍", weight: 15, descriptor: "专职社会工作者占比、持证社工人数、中高级社工和督导配备、继续教育完成情况：持证社工占专职人员 60% 以上且配有督导的得高分。" },
  { name: "工作绩效", weight: 30, descriptor: "近三年承接政府购买服务项目的数量、合同履约和第三方评估结果，服务对象覆盖面和服务成效；有评估不合格项目的本项不超过 70 分。" },
  { name: "社会评价", weight: 15, descriptor: "服务对象满意度调查、购买方评价、登记管理机关意见，以及获得表彰和媒体正面报道情况；有查实投诉的酌情扣分。" },
];
const APPRAISAL: TCriterionSeed[] = [
  { name: "职业道德", weight: 20, descriptor: "遵守《社会工作者职业道德指引》，尊重服务对象、保守秘密、无违规收费和投诉查实情况。" },
  { name: "专业能力", weight: 25, descriptor: "需求评估、服务计划、个案和小组工作方法的运用水平，结合服务记录抽查和案例答辩评定。" },
  { name: "工作实绩", weight: 35, descriptor: "年度服务任务完成情况、服务对象改变和所在项目评估结果：超额完成且成效明显的得 90 分以上。" },
  { name: "学习成长", weight: 10, descriptor: "继续教育学时完成、参加督导和培训、发表或分享专业经验情况。" },
  { name: "服务对象评价", weight: 10, descriptor: "服务对象和所在机构的评价，按回访和评议结果计分。" },
];

// --- Helpers ------------------------------------------------------------------------------

const iso = (d: Date) => d.toISOString().slice(0, 10);
/** `hour` o'clock in the city on `day` (a midnight-UTC day). */
const atCity = (day: Date, hour: number, minute = 0) => new Date(day.getTime() + hour * 3_600_000 + minute * 60_000 - CITY_OFFSET);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
/** `years` later, less one day: the last day a rating given on `day` holds. */
const lastDayAfterYears = (day: Date, years: number) => addDays(addYears(day, years), -1);

export function formatEvaluationReference(year: number, n: number) {
  return `PG-${year}-${String(n).padStart(4, "0")}`;
}

type TStatus = "ASSIGNED" | "SCORING" | "SCORED" | "PUBLISHED" | "UNDER_APPEAL" | "FINAL" | "CANCELLED";
type TMember = {
  email: string;
  /** Criterion scores in the rubric's order; fewer than the criteria = a draft. */
  scores?: number[];
  submitted?: boolean;
  declared?: string;
};
type TPlan = {
  kind: TKind;
  status: TStatus;
  assigned: number;
  due: number;
  rubric?: "retired";
  contract?: string;
  agency?: string;
  practitionerId?: string;
  panel: TMember[];
  /** PUBLISHED and later: the publication day (days before today; moved back to a working day), or a limit the FINAL day must not pass. */
  publish?: { around: number; finalBy?: number };
  report?: (r: { score: string; spread: string; grade: string; n: number }) => string;
  appeal?: { reason: string; filedDaysAgo: number };
};

const GRADE_ZH = { EXCELLENT: "优秀", GOOD: "良好", PASS: "合格", FAIL: "不合格" } as const;
const hundredths = (h: number) => (h / 100).toFixed(2);

export type TDemoEvaluationsInput = { today: Date; orgs: TDemoOrg[]; users: Map<string, { id: string; name: string }> };

export async function seedDemoEvaluations(tx: TTx, { today, orgs, users }: TDemoEvaluationsInput) {
  const org = (name: string) => {
    const o = orgs.find((x) => x.name === name);
    if (!o) throw new Error(`demo evaluations: unknown organisation ${name}`);
    return o;
  };
  const day = (offset: number) => addDays(today, offset);
  const year = today.getUTCFullYear();
  const cityAdmin = users.get("city@demo.local")!;
  const agencyAdmin = users.get("agency@demo.local")!;
  const body = org(DEMO_EVALUATION_BODY);

  // The city's settings (PlanTarget; the schema's defaults when the row holds none).
  const settings = await tx.planTarget.findUnique({ where: { id: "city" } });
  const bands = settings ?? DEFAULT_GRADE_BANDS;
  const table = settings ?? DEFAULT_RATING_TABLE;
  const appealWorkingDays = settings?.appealWorkingDays ?? 10;
  const minScorers = settings?.evaluationMinScorers ?? 3;
  const recusalYears = settings?.recusalYears ?? 3;
  const validityYears = settings?.ratingValidityYears ?? 5;

  // The calendar: the database's when it holds one (the calendar migration), else the same facts.
  const rows = await tx.workCalendarDay.findMany({ select: { day: true, kind: true } });
  const calendar: TCalendar = rows.length > 0 ? new Map(rows.map((r) => [iso(r.day), r.kind])) : demoCalendarFacts();
  const workingOnOrBefore = (d: Date) => {
    let x = d;
    while (!isWorkingDay(x, calendar)) x = addDays(x, -1);
    return x;
  };

  // 1. Rubrics: one current version per kind; the agency grading's 2022 version retired 120 days ago.
  const retiredAt = atCity(day(-120), 9);
  const rubricSpecs: { kind: TKind; version: number; name: string; activeFrom: Date; retiredAt: Date | null; criteria: TCriterionSeed[] }[] = [
    { kind: "PROJECT_MIDTERM", version: 1, name: "社会工作服务项目中期评估指标体系", activeFrom: new Date(Date.UTC(2025, 0, 1)), retiredAt: null, criteria: MIDTERM },
    { kind: "PROJECT_FINAL", version: 1, name: "社会工作服务项目结项评估指标体系", activeFrom: new Date(Date.UTC(2025, 0, 1)), retiredAt: null, criteria: FINAL },
    { kind: "AGENCY_GRADING", version: 1, name: "社会工作服务机构等级评估指标体系（2022 年版）", activeFrom: new Date(Date.UTC(2022, 0, 1)), retiredAt, criteria: GRADING_2022 },
    { kind: "AGENCY_GRADING", version: 2, name: `社会工作服务机构等级评估指标体系（${retiredAt.getUTCFullYear()} 年版）`, activeFrom: retiredAt, retiredAt: null, criteria: GRADING_2026 },
    { kind: "PERSONAL_APPRAISAL", version: 1, name: "社会工作者年度考核指标体系", activeFrom: new Date(Date.UTC(2025, 0, 1)), retiredAt: null, criteria: APPRAISAL },
  ];
  const rubrics = new Map<string, { id: string; criteria: { id: string; weight: number }[] }>();
  for (const r of rubricSpecs) {
    if (r.criteria.reduce((s, c) => s + c.weight, 0) !== 100) throw new Error(`demo evaluations: ${r.name} weights do not add up to 100`);
    const made = await tx.rubric.create({
      data: { kind: r.kind, version: r.version, name: r.name, activeFrom: r.activeFrom, retiredAt: r.retiredAt, createdById: cityAdmin.id, createdAt: r.activeFrom, criteria: { create: r.criteria.map((c, i) => ({ number: i + 1, ...c })) } },
      select: { id: true, criteria: { orderBy: { number: "asc" }, select: { id: true, weight: true } } },
    });
    rubrics.set(`${r.kind}:${r.retiredAt ? "retired" : "current"}`, made);
  }

  // 2. The second evaluation body, and the evaluators. evaluator2 is a former social worker of a
  //    demo agency who left it within the last three years: their account is linked to their register
  //    entry (User.personPractitionerId), so that agency's evaluations recuse them.
  const second = await tx.organization.create({
    data: {
      kind: "EVALUATION_BODY",
      name: DEMO_SECOND_EVALUATION_BODY.name,
      nameHant: DEMO_SECOND_EVALUATION_BODY.nameHant,
      nameEn: DEMO_SECOND_EVALUATION_BODY.nameEn,
      regionId: (await tx.region.findUniqueOrThrow({ where: { code: DEMO_SECOND_EVALUATION_BODY.region }, select: { id: true } })).id,
      creditCode: (() => {
        const first17 = "52990100MJ0002001";
        return `${first17}${creditCodeCheckChar(first17)}`;
      })(),
    },
    select: { id: true },
  });
  const recusalSince = addYears(today, -recusalYears);
  // Agencies whose evaluation may recuse them, in order of preference (not 阳光 — agency@demo.local's
  // — nor 湖畔, graded below): the first with someone who left it in the window and works at no agency now.
  const preference = ["示例市滨江乡村社会工作服务站", "示例市北山社区社会工作服务社", "示例市守望社会工作服务中心", "示例市长青老年社会工作服务社", "示例市启航青少年社会工作服务中心", "示例市和平社会工作服务社"];
  const leavers = await tx.employmentRecord.findMany({
    where: { organizationId: { in: preference.map((n) => org(n).id) }, to: { gt: recusalSince, lte: today }, practitioner: { employments: { none: { to: null } } } },
    orderBy: [{ to: "desc" }, { practitionerId: "asc" }],
    select: { organizationId: true, practitioner: { select: { id: true, name: true } } },
  });
  // …and who worked for no other agency in the window (so no other demo panel of theirs recuses them).
  const windows = await tx.employmentRecord.findMany({
    where: { practitionerId: { in: leavers.map((l) => l.practitioner.id) }, OR: [{ to: null }, { to: { gt: recusalSince } }], organization: { kind: "AGENCY" } },
    select: { practitionerId: true, organizationId: true },
  });
  const onlyThere = (l: (typeof leavers)[number]) => windows.every((w) => w.practitionerId !== l.practitioner.id || w.organizationId === l.organizationId);
  const former = preference.map((n) => leavers.find((l) => l.organizationId === org(n).id && onlyThere(l))).find((l) => l !== undefined);
  if (!former) throw new Error("demo evaluations: nobody left a demo agency within the recusal window");
  const formerAgency = orgs.find((o) => o.id === former.organizationId)!;

  const evaluators = new Map<string, { id: string; name: string; personPractitionerId: string | null }>();
  const zhao = users.get("evaluator@demo.local")!;
  evaluators.set("evaluator@demo.local", { ...zhao, personPractitionerId: null });
  for (const e of DEMO_EVALUATORS) {
    const bodyId = e.body === DEMO_EVALUATION_BODY ? body.id : second.id;
    const u = await makeUser(tx, { email: e.email, name: e.name ?? former.practitioner.name, role: "EVALUATOR", organizationId: bodyId, personPractitionerId: e.linked ? former.practitioner.id : null, password: DEMO_PASSWORD });
    evaluators.set(e.email, { id: u.id, name: u.name, personPractitionerId: e.linked ? former.practitioner.id : null });
  }
  // Employment records of the linked evaluators, for the automatic recusal.
  const linkedIds = [...evaluators.values()].map((e) => e.personPractitionerId).filter((x): x is string => !!x);
  const history = await tx.employmentRecord.findMany({ where: { practitionerId: { in: linkedIds } }, select: { practitionerId: true, organizationId: true, from: true, to: true } });
  /** Worked for the agency in the last recusalYears (or works there now). */
  const employedRecently = (practitionerId: string | null, agencyId: string | null) =>
    !!practitionerId && !!agencyId && history.some((h) => h.practitionerId === practitionerId && h.organizationId === agencyId && h.from <= today && (h.to === null || h.to > recusalSince));

  // 3. The evaluations. Contracts from demo-contracts.ts (HT-<year>-0101…0109).
  const contract = async (n: number) => tx.contract.findUniqueOrThrow({ where: { reference: `HT-${year}-${String(n).padStart(4, "0")}` }, select: { id: true, organizationId: true, call: { select: { title: true } } } });
  const sunshine = org("示例市阳光社会工作服务中心");
  const worker = await tx.practitioner.findFirstOrThrow({ where: { name: "李明", organizationId: sunshine.id }, select: { id: true, talentTrack: true, organizationId: true } });
  const hepingStaff = await tx.practitioner.findFirstOrThrow({
    where: { organizationId: org("示例市和平社会工作服务社").id, status: "ACTIVE", talentTrack: { not: null }, id: { not: former.practitioner.id } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, talentTrack: true, organizationId: true },
  });

  const plans: TPlan[] = [
    {
      // FINAL on the retired 2022 version (assigned before the new one): 湖畔 graded 3A.
      kind: "AGENCY_GRADING", status: "FINAL", assigned: -130, due: -45, rubric: "retired", agency: "示例市湖畔家庭社会工作服务中心",
      panel: [
        { email: "evaluator@demo.local", scores: [78, 72, 74, 70], submitted: true },
        { email: "evaluator2@demo.local", scores: [80, 70, 72, 75], submitted: true },
        { email: "evaluator3@demo.local", scores: [76, 74, 70, 72], submitted: true },
        { email: "evaluator4@demo.local", scores: [82, 75, 76, 70], submitted: true },
      ],
      publish: { around: -50, finalBy: -30 },
      report: (r) => `受示例市民政局委托，本中心评估小组（${r.n} 名评估人员）对示例市湖畔家庭社会工作服务中心开展等级评估，采取查阅资料、实地查看、座谈访谈和服务对象回访相结合的方式。综合得分 ${r.score} 分（评分人极差 ${r.spread} 分），评估等级为${r.grade}，按等级对照表评定为 3A 级。\n\n主要优势：机构章程和基本制度健全，计生特殊家庭服务形成了“一户一档”的工作方法，服务对象评价较好。\n\n存在问题：理事会会议记录不完整，专职社工持证比例偏低，项目资金台账与凭证对应不够清晰。\n\n改进建议：规范理事会运作和信息公开，制定持证社工培养计划，加强项目财务管理和内部审核。`,
    },
    {
      kind: "PROJECT_MIDTERM", status: "CANCELLED", assigned: -40, due: 20, contract: "8",
      panel: [{ email: "evaluator3@demo.local" }, { email: "evaluator4@demo.local" }, { email: "evaluator5@demo.local" }],
    },
    {
      // FINAL "fail": the 守望 project's mid-term evaluation, after a returned milestone.
      kind: "PROJECT_MIDTERM", status: "FINAL", assigned: -60, due: -25, contract: "5",
      panel: [
        { email: "evaluator@demo.local", scores: [60, 52, 50, 62, 58], submitted: true },
        { email: "evaluator4@demo.local", scores: [58, 55, 48, 60, 62], submitted: true },
        { email: "evaluator5@demo.local", scores: [62, 50, 54, 58, 55], submitted: true },
      ],
      publish: { around: -28, finalBy: -10 },
      report: (r) => `评估小组（${r.n} 名评估人员）于项目中期对“社区矫正对象社会工作服务项目”开展评估，查阅了项目档案、服务记录和资金台账，走访了 2 个司法所和 6 名服务对象。综合得分 ${r.score} 分（评分人极差 ${r.spread} 分），评估等级为${r.grade}。\n\n主要问题：第二阶段“帮教服务”成果因服务记录不完整被退回，合同约定的个案数量仅完成约 55%；服务计划缺少个别化评估，部分记录与实际不符；持证社工未按合同要求全程在岗。\n\n整改要求：机构应在一个月内提交整改方案，补齐服务记录，按合同配备持证社工；整改情况纳入结项评估。`,
    },
    {
      // FINAL pass: the closed welfare-institution project's final evaluation.
      kind: "PROJECT_FINAL", status: "FINAL", assigned: -50, due: -20, contract: "4",
      panel: [
        { email: "evaluator2@demo.local", scores: [86, 88, 84, 82, 90], submitted: true },
        { email: "evaluator3@demo.local", scores: [84, 85, 86, 80, 88], submitted: true },
        { email: "evaluator5@demo.local", scores: [88, 86, 82, 85, 92], submitted: true },
      ],
      publish: { around: -22, finalBy: -6 },
      report: (r) => `评估小组（${r.n} 名评估人员）对“社会福利院院舍社会工作服务项目”开展结项评估。项目按合同完成院舍服务评估、个案服务和结项三个阶段的任务，建立院民个案档案 48 份，开展小组活动 36 节。综合得分 ${r.score} 分（评分人极差 ${r.spread} 分），评估等级为${r.grade}。\n\n主要成效：院民适应和情绪支持效果明显，护理员参与度提高，服务对象满意率 94%。\n\n改进建议：进一步提炼院舍社工服务标准，加强志愿者队伍的持续管理。`,
    },
    {
      // UNDER_APPEAL: 阳光 (agency@demo.local) appealed; the city has yet to decide.
      kind: "PROJECT_MIDTERM", status: "UNDER_APPEAL", assigned: -35, due: -4, contract: "1",
      panel: [
        { email: "evaluator@demo.local", scores: [72, 65, 68, 74, 70], submitted: true },
        { email: "evaluator3@demo.local", scores: [70, 62, 66, 72, 75], submitted: true },
        { email: "evaluator4@demo.local", scores: [68, 60, 70, 70, 72], submitted: true },
      ],
      publish: { around: -6 },
      report: (r) => `评估小组（${r.n} 名评估人员）对“东城区校园社会工作服务项目”开展中期评估，查阅了需求评估报告、服务记录和资金台账，在 3 所学校座谈了教师、学生和家长。综合得分 ${r.score} 分（评分人极差 ${r.spread} 分），评估等级为${r.grade}。\n\n主要成效：需求评估扎实，校园危机干预机制已建立。\n\n存在问题：上半期个案与小组服务的成果尚未验收，服务记录中缺少过程评估；家校联动活动次数低于计划。\n\n改进建议：按季度开展过程评估，补充家长参与的服务内容。`,
      appeal: { reason: "我中心对“服务进度”和“服务质量”两项得分有异议：上半期个案与小组服务的成果材料已于评估前提交教育局待验收，评估小组未予采纳；家校联动活动因学校期中考试顺延，已与教育局书面确认。请求复核并调整得分。", filedDaysAgo: 2 },
    },
    {
      kind: "PROJECT_MIDTERM", status: "PUBLISHED", assigned: -30, due: 0, contract: "2",
      panel: [
        { email: "evaluator2@demo.local", scores: [84, 80, 82, 78, 86], submitted: true },
        { email: "evaluator4@demo.local", scores: [82, 84, 80, 80, 84], submitted: true },
        { email: "evaluator5@demo.local", scores: [86, 82, 84, 76, 88], submitted: true },
      ],
      publish: { around: -2 },
      report: (r) => `评估小组（${r.n} 名评估人员）对“留守儿童关爱社会工作服务项目”开展中期评估。项目已完成服务对象建档，开展个案服务 22 例、小组活动 14 节。综合得分 ${r.score} 分（评分人极差 ${r.spread} 分），评估等级为${r.grade}。\n\n主要成效：建档规范，“代理家长”志愿服务形成特色。\n\n存在问题：一名持证社工离职后，持证人员配备低于合同要求，须尽快补足。\n\n改进建议：按合同补充持证社工，完善服务成效的测量工具。`,
    },
    {
      // SCORED: every sheet in, the result computed; the report is still to be written.
      kind: "PROJECT_MIDTERM", status: "SCORED", assigned: -25, due: 5, contract: "3",
      panel: [
        { email: "evaluator@demo.local", scores: [82, 78, 80, 84, 76], submitted: true },
        { email: "evaluator3@demo.local", scores: [80, 76, 82, 80, 78], submitted: true },
        { email: "evaluator5@demo.local", scores: [84, 80, 78, 82, 80], submitted: true },
      ],
    },
    {
      // SCORING: the former agency of evaluator2 — recused automatically; 赵敏's sheet is waiting.
      kind: "AGENCY_GRADING", status: "SCORING", assigned: -20, due: 15, agency: formerAgency.name,
      panel: [
        { email: "evaluator@demo.local" },
        { email: "evaluator2@demo.local" },
        { email: "evaluator3@demo.local", scores: [80, 74, 70, 78, 82], submitted: true },
        { email: "evaluator4@demo.local", scores: [78, 72, 68] },
      ],
    },
    {
      // SCORING: 赵敏 has saved a draft (two criteria of five), the others have submitted.
      kind: "PROJECT_MIDTERM", status: "SCORING", assigned: -15, due: 12, contract: "7",
      panel: [
        { email: "evaluator@demo.local", scores: [85, 80] },
        { email: "evaluator2@demo.local", scores: [82, 78, 80, 76, 84], submitted: true },
        { email: "evaluator5@demo.local", scores: [80, 82, 78, 80, 80], submitted: true },
      ],
    },
    {
      // SCORING: 李明's annual appraisal (worker@demo.local); 赵敏 has submitted, one colleague has not.
      kind: "PERSONAL_APPRAISAL", status: "SCORING", assigned: -12, due: 20, practitionerId: worker.id,
      panel: [
        { email: "evaluator@demo.local", scores: [90, 85, 88, 80, 92], submitted: true },
        { email: "evaluator3@demo.local", scores: [88, 84, 86, 85, 90], submitted: true },
        { email: "evaluator5@demo.local" },
      ],
    },
    {
      // ASSIGNED: one of three declared a conflict, so the panel is one short of the minimum.
      kind: "PERSONAL_APPRAISAL", status: "ASSIGNED", assigned: -5, due: 25, practitionerId: hepingStaff.id,
      panel: [{ email: "evaluator2@demo.local" }, { email: "evaluator4@demo.local" }, { email: "evaluator5@demo.local", declared: "本人近两年担任该社工的外部督导，存在利益冲突，申请回避。" }],
    },
  ];

  // References number each year's assignments in order (PG-<year of assignment>-NNNN).
  const sequence = new Map<number, number>();
  for (const plan of plans.sort((a, b) => a.assigned - b.assigned)) {
    const rubric = rubrics.get(`${plan.kind}:${plan.rubric === "retired" ? "retired" : "current"}`)!;
    const target = plan.contract ? await contract(Number(plan.contract) + 100) : null;
    const subject = plan.practitionerId ? await tx.practitioner.findUniqueOrThrow({ where: { id: plan.practitionerId }, select: { id: true, talentTrack: true, organizationId: true } }) : null;
    const organizationId = target?.organizationId ?? (plan.agency ? org(plan.agency).id : null);
    // The "agency" of a recusal: the evaluated agency, or the appraised practitioner's employer.
    const recusalAgency = organizationId ?? subject?.organizationId ?? null;
    const assignedAt = atCity(day(plan.assigned), 9, 30);
    const assignedYear = day(plan.assigned).getUTCFullYear();
    sequence.set(assignedYear, (sequence.get(assignedYear) ?? 0) + 1);

    const members = plan.panel.map((m) => {
      const e = evaluators.get(m.email)!;
      const employment = employedRecently(e.personPractitionerId, recusalAgency) || (!!subject && e.personPractitionerId === subject.id);
      return { ...m, user: e, recusal: employment ? ("EMPLOYMENT" as const) : m.declared ? ("DECLARED" as const) : null };
    });
    const active = members.filter((m) => !m.recusal);
    const scored = ["SCORED", "PUBLISHED", "UNDER_APPEAL", "FINAL"].includes(plan.status);
    if (plan.status !== "CANCELLED" && (active.length >= minScorers) !== (plan.status !== "ASSIGNED")) throw new Error(`demo evaluations: ${plan.kind} ${plan.status} with ${active.length} scorers`);
    if (scored && active.some((m) => !m.submitted)) throw new Error(`demo evaluations: ${plan.kind} ${plan.status} with a sheet missing`);

    // The result, as the last submission computes it.
    const totals = active.filter((m) => m.submitted).map((m) => sheetHundredths(rubric.criteria, new Map(rubric.criteria.map((c, i) => [c.id, m.scores![i]!]))));
    if (totals.some((t) => t === null)) throw new Error(`demo evaluations: an incomplete sheet submitted (${plan.kind})`);
    const result = scored ? panelResult(totals as number[]) : null;
    const grade = result ? gradeOf(result.meanHundredths, bands) : null;

    // Publication, the appeal window (the city's calendar) and the final day.
    let publishedDay: Date | null = null;
    let deadline: Date | null = null;
    let finalDay: Date | null = null;
    if (plan.publish && ["PUBLISHED", "UNDER_APPEAL", "FINAL"].includes(plan.status)) {
      publishedDay = workingOnOrBefore(day(plan.publish.around));
      if (plan.publish.finalBy !== undefined) {
        // The window must have ended (the hourly pass finalises the next day) by `finalBy`.
        while (addDays(addWorkingDays(publishedDay, appealWorkingDays, calendar), 1) > day(plan.publish.finalBy)) publishedDay = workingOnOrBefore(addDays(publishedDay, -1));
      }
      deadline = addWorkingDays(publishedDay, appealWorkingDays, calendar);
      if (plan.status === "FINAL") finalDay = addDays(deadline, 1);
      if (plan.status !== "FINAL" && deadline < today) throw new Error("demo evaluations: an open appeal window already ended");
    }
    const submittedDay = publishedDay ? addDays(publishedDay, -4) : day(Math.min(-1, Math.round(plan.assigned / 2)));
    const summary = result && grade ? { score: hundredths(result.meanHundredths), spread: hundredths(result.spreadHundredths), grade: GRADE_ZH[grade], n: active.length } : null;

    const evaluation = await tx.evaluation.create({
      data: {
        reference: formatEvaluationReference(assignedYear, sequence.get(assignedYear)!),
        kind: plan.kind,
        rubricId: rubric.id,
        bodyId: body.id,
        contractId: target?.id ?? null,
        organizationId,
        practitionerId: subject?.id ?? null,
        track: subject?.talentTrack ?? null,
        year: assignedYear,
        dueDate: workingOnOrBefore(day(plan.due)),
        status: plan.status,
        scoreHundredths: result?.meanHundredths ?? null,
        spreadHundredths: result?.spreadHundredths ?? null,
        grade,
        report: publishedDay && plan.report && summary ? plan.report(summary) : null,
        publishedAt: publishedDay ? atCity(publishedDay, 16) : null,
        appealDeadline: deadline,
        finalAt: finalDay ? atCity(finalDay, 0, 5) : null,
        assignedById: cityAdmin.id,
        createdAt: assignedAt,
      },
      select: { id: true, reference: true },
    });

    for (const [i, m] of members.entries()) {
      const recusedAt = m.recusal === "EMPLOYMENT" ? assignedAt : m.recusal === "DECLARED" ? atCity(day(Math.min(-1, plan.assigned + 2)), 11) : null;
      const scorer = await tx.evaluationScorer.create({
        data: {
          evaluationId: evaluation.id,
          userId: m.user.id,
          recusedAt,
          recusalReason: m.recusal,
          recusalNote: m.recusal === "DECLARED" ? m.declared! : null,
          declaredAt: m.recusal === "DECLARED" ? recusedAt : null,
          submittedAt: !m.recusal && m.submitted ? atCity(addDays(submittedDay, -(i % 3)), 15 + i) : null,
          createdAt: assignedAt,
        },
        select: { id: true },
      });
      if (!m.recusal && m.scores?.length) {
        await tx.evaluationScore.createMany({ data: m.scores.map((score, k) => ({ scorerId: scorer.id, criterionId: rubric.criteria[k]!.id, score })) });
      }
    }

    if (plan.appeal && publishedDay) {
      await tx.appeal.create({ data: { evaluationId: evaluation.id, reason: plan.appeal.reason, filedAt: atCity(day(-plan.appeal.filedDaysAgo), 10, 30), filedById: agencyAdmin.id } });
    }

    // FINAL's flow-ons, as in the same transaction: the rating (agency grading), the integrity record (fail).
    if (plan.status === "FINAL" && finalDay && result && grade && organizationId) {
      if (plan.kind === "AGENCY_GRADING") {
        const rating = ratingOf(result.meanHundredths, table);
        await tx.agencyRating.create({ data: { organizationId, rating, ratedOn: finalDay, validUntil: lastDayAfterYears(finalDay, validityYears), evaluationId: evaluation.id, source: DEMO_EVALUATION_BODY, createdAt: atCity(finalDay, 0, 5) } });
        await tx.organization.update({ where: { id: organizationId }, data: { rating, ratingDate: finalDay } });
      }
      if (plan.kind === "PROJECT_FINAL" && target) {
        // A closed contract records its final evaluation's grade (closing waits for it).
        await tx.contract.updateMany({ where: { id: target.id, status: "CLOSED" }, data: { closedGrade: grade } });
      }
      if (grade === "FAIL") {
        await tx.integrityRecord.create({ data: { organizationId, kind: "EVALUATION_FAILED", occurredOn: finalDay, source: DEMO_EVALUATION_BODY, description: evaluation.reference, createdAt: atCity(finalDay, 0, 5) } });
      }
    }
  }

  // A spot check the city drew a day ago for the centre: half the milestones accepted in the last
  // 180 days (above the city's minimum share; the demo has few), with a fixed seed, so "draw again with this seed" shows the same
  // sample. 赵敏 has checked two items (one passed, one failed with a note); the rest wait.
  const periodStart = day(-180);
  const periodEnd = day(-1);
  const population = await populationIds(tx, periodStart, periodEnd);
  if (population.length > 0) {
    const percent = Math.max(settings?.spotCheckPercent ?? 30, 50);
    const seed = "5e3d9a1c7b2f4068";
    const sample = drawSample(population, spotCheckSize(population.length, percent), seed);
    const checker = users.get("evaluator@demo.local")!;
    const drawnAt = atCity(day(-1), 9, 30);
    await tx.spotCheckDraw.create({
      data: {
        reference: `CC-${year}-0001`,
        periodStart,
        periodEnd,
        percent,
        seed,
        populationCount: population.length,
        sampleCount: sample.length,
        bodyId: body.id,
        drawnById: cityAdmin.id,
        drawnAt,
        items: {
          create: sample.map((milestoneId, i) =>
            i === 0
              ? { milestoneId, status: "PASSED" as const, note: "服务记录、签到表与验收材料一致。", checkedById: checker.id, checkedAt: atCity(day(-1), 14) }
              : i === 1 && sample.length > 2
                ? { milestoneId, status: "FAILED" as const, note: "个案记录缺少服务对象签字，与报告所列服务次数不符。", checkedById: checker.id, checkedAt: atCity(day(-1), 15) }
                : { milestoneId },
          ),
        },
      },
    });
  }
}
