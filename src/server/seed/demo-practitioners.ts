// The demo city's register: about 200 practitioners whose history from the plan's start
// (2025-01-01, exactly 40 counted that day) to today tells a true story: steady recruitment and
// cultivation, somewhat behind the target line; some left; certificates are permanent, and their
// registrations (登记) run in three-year periods: some renewed, two lapsed (they still count), some
// due soon; a continuing-education ledger with hours waiting for verification and a renewal
// request; a queue of credential submissions (several in 东城区), some rejected. Deterministic (fixed seed) and relative to today, so the story stays
// meaningful whenever the demo is started. Bulk inserts: the derived facts come from the same
// pure functions as rules.ts (./derive.ts).
import type { Prisma } from "@/generated/prisma/client";
import { DEFAULT_G1_OPTIONS, type TCredentialFact, type TStatusFact } from "@/domain/practitioners/qualification";
import { maskIdNumber } from "@/lib/id-number";
import { encryptIdNumber, idNumberLookupHash } from "@/lib/id-crypto";
import { deriveFacts, derivedColumns, periodRows } from "./derive";
import { idNumberFor } from "./id-numbers";

type TDb = Prisma.TransactionClient;

export type TDemoOrg = { id: string; name: string; kind: string; departmentType: string | null; regionId: string; regionPath: string; districtCode: string };
export type TDemoActors = { cityAdmin: { id: string; name: string }; districtOfficer: { id: string; name: string; districtCode: string }; agencyAdmin: { id: string; name: string; organizationId: string } };

export const DEMO_PLAN = { startDate: new Date(Date.UTC(2025, 0, 1)), startValue: 40, yearlyTarget: 50 };

const DAY = 86_400_000;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type TRng = ReturnType<typeof rng>;

// Common surnames (roughly by frequency) and given-name characters.
export const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split("");
const GIVEN_M = "伟强磊军洋勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欣晨昊然博文轩子豪思远志诚建国".split("");
const GIVEN_F = "芳娜敏静丽艳娟霞秀英华慧巧美婷雪琳晶颖倩玲萍红燕彤悦欣怡佳琪梦瑶雨涵诗晓岚月菲".split("");

export function chineseName(r: TRng, gender: "MALE" | "FEMALE"): string {
  const pool = gender === "MALE" ? GIVEN_M : GIVEN_F;
  const given = r.chance(0.7) ? r.pick(pool) + r.pick(pool) : r.pick(pool);
  return r.pick(SURNAMES) + given;
}

const UNIVERSITIES = ["示例大学", "北京大学", "中国人民大学", "华东理工大学", "南京大学", "中山大学", "华中科技大学", "复旦大学", "西北大学", "云南大学"];
const CERT_AUTHORITY = "人力资源和社会保障部 民政部";
const CERT_KINDS = new Set(["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"]);
const CPD_TOPICS: [string, string][] = [
  ["儿童保护与个案管理专题培训", "市社会工作者协会"],
  ["老年社会工作实务研修", "示例大学社会工作系"],
  ["社区治理与社会工作融合发展论坛", "市民政局社会工作处"],
  ["社会工作伦理与专业反思工作坊", "省社会工作教育协会"],
  ["医务社会工作实务培训", "市第一人民医院"],
  ["项目管理与评估方法培训", "市社会工作发展研究中心"],
];
const REJECT_REASONS = ["证书编号与全国社会工作者职业资格证书查询结果不符，请核对后重新提交。", "扫描件模糊，无法辨认证书编号和发证日期，请重新上传清晰扫描件。", "证书上的姓名与身份证件不一致，请提供更名证明。"];

type TCred = {
  kind: "ASSISTANT_SOCIAL_WORKER" | "SOCIAL_WORKER" | "SENIOR_SOCIAL_WORKER" | "SOCIAL_WORK_DEGREE" | "PROFESSIONAL_TITLE" | "OTHER";
  status: "SUBMITTED" | "VERIFIED" | "REJECTED";
  issueDate: Date;
  /** Certificates: the last day of the registration's current period (null: degrees and titles). */
  regEnd: Date | null;
  degreeLevel?: "BACHELOR" | "MASTER" | "ASSOCIATE" | "DOCTORATE";
  titleLevel?: "INTERMEDIATE" | "DEPUTY_SENIOR" | "JUNIOR";
  reason?: string;
  institution?: string;
};

type TPerson = {
  id: string;
  name: string;
  gender: "MALE" | "FEMALE";
  birthDate: Date;
  org: TDemoOrg;
  entryPath: "BASELINE" | "RECRUITED" | "CULTIVATED";
  entryDate: Date;
  status: "ACTIVE" | "LEFT" | "RETIRED";
  statusSince: Date;
  history: TStatusFact[];
  creds: TCred[];
  degree: "NONE" | "ASSOCIATE" | "BACHELOR" | "MASTER" | "DOCTORATE";
  major: "SOCIAL_WORK" | "OTHER" | null;
  degreeInstitution: string | null;
  degreeYear: number | null;
  title: "NONE" | "JUNIOR" | "INTERMEDIATE" | "DEPUTY_SENIOR" | "SENIOR";
  keyPost: boolean;
  provincialAward: boolean;
};

const FIELD_BY_KIND: Record<string, string> = {
  AGENCY: "SOCIAL_ORGANIZATIONS",
  SCHOOL: "SCHOOLS",
  HOSPITAL: "HOSPITALS",
  WELFARE_INSTITUTION: "WELFARE_INSTITUTIONS",
  PARTY_SERVICE_CENTER: "PARTY_MASS",
  PUBLIC_WELFARE_ORG: "SOCIAL_ORGANIZATIONS",
  GOVERNMENT_DEPARTMENT: "CIVIL_AFFAIRS",
};
const EXTRA_FIELDS = ["DISABILITY", "MIGRANTS", "FAMILY_PLANNING", "CIVIL_AFFAIRS", "PARTY_MASS", "WELFARE_INSTITUTIONS"] as const;
const TARGET_GROUPS = ["CHILDREN", "YOUTH", "ELDERLY", "WOMEN", "DISABLED", "MIGRANTS", "FAMILIES"] as const;
const TRACKS = ["FRONTLINE", "FRONTLINE", "FRONTLINE", "PROJECT_OPERATION", "SUPERVISION", "AGENCY_MANAGEMENT"] as const;

function employmentFor(kind: string): "AGENCY_STAFF" | "CIVIL_SERVANT" | "PUBLIC_INSTITUTION" | "COMMUNITY_WORKER" | "OTHER" {
  if (kind === "AGENCY" || kind === "PUBLIC_WELFARE_ORG") return "AGENCY_STAFF";
  if (kind === "GOVERNMENT_DEPARTMENT") return "CIVIL_SERVANT";
  if (kind === "PARTY_SERVICE_CENTER") return "COMMUNITY_WORKER";
  return "PUBLIC_INSTITUTION";
}

/** Where practitioners work: mostly agencies, then institutions; departments and city bureaus rarely. */
function orgPicker(orgs: TDemoOrg[], r: TRng) {
  const eligible = orgs.filter((o) => o.kind in FIELD_BY_KIND && (o.kind !== "GOVERNMENT_DEPARTMENT" || o.departmentType === "CIVIL_AFFAIRS"));
  const weight = (o: TDemoOrg) => (o.kind === "AGENCY" ? 6 : o.kind === "GOVERNMENT_DEPARTMENT" ? 0.6 : 1.6);
  const total = eligible.reduce((a, o) => a + weight(o), 0);
  const pick = () => {
    let x = r.next() * total;
    for (const o of eligible) {
      x -= weight(o);
      if (x <= 0) return o;
    }
    return eligible.at(-1)!;
  };
  return { pick, inDistrict: (code: string) => eligible.filter((o) => o.districtCode === code && o.kind === "AGENCY") };
}

function certKind(r: TRng): "ASSISTANT_SOCIAL_WORKER" | "SOCIAL_WORKER" | "SENIOR_SOCIAL_WORKER" {
  const x = r.next();
  return x < 0.62 ? "ASSISTANT_SOCIAL_WORKER" : x < 0.95 ? "SOCIAL_WORKER" : "SENIOR_SOCIAL_WORKER";
}

/**
 * Builds and inserts the register. `workerId`: the existing practitioner 李明 (worker@demo.local),
 * completed here with a verified social-worker certificate valid for years.
 */
export async function seedDemoPractitioners(tx: TDb, opts: { orgs: TDemoOrg[]; actors: TDemoActors; worker: { id: string; organizationId: string }; today: Date; idKey: string; seed?: number }) {
  const { today, actors } = opts;
  const r = rng(opts.seed ?? 20250101);
  const start = DEMO_PLAN.startDate;
  const span = (today.getTime() - start.getTime()) / DAY;
  const months = (today.getUTCFullYear() - start.getUTCFullYear()) * 12 + today.getUTCMonth() - start.getUTCMonth();
  const orgPick = orgPicker(opts.orgs, r);
  const orgById = new Map(opts.orgs.map((o) => [o.id, o]));
  const people: TPerson[] = [];
  let seq = 0;

  const person = (entryPath: TPerson["entryPath"], entryDate: Date, org: TDemoOrg = orgPick.pick(), id?: string, name?: string, gender?: "MALE" | "FEMALE"): TPerson => {
    // Name, gender and birth date from the person's own stream: stable whatever day the demo is built.
    const own = rng((opts.seed ?? 20250101) * 31 + ++seq);
    const g = gender ?? (own.chance(0.68) ? "FEMALE" : "MALE");
    const birth = utc(own.int(1968, 2001), own.int(1, 12), own.int(1, 28));
    const p: TPerson = {
      id: id ?? `demo_pr_${String(seq).padStart(4, "0")}`,
      name: name ?? chineseName(own, g),
      gender: g,
      birthDate: birth,
      org,
      entryPath,
      entryDate,
      status: "ACTIVE",
      statusSince: entryDate,
      history: [{ status: "ACTIVE", effectiveFrom: entryDate }],
      creds: [],
      degree: r.chance(0.7) ? "BACHELOR" : "ASSOCIATE",
      major: r.chance(0.5) ? "SOCIAL_WORK" : "OTHER",
      degreeInstitution: null,
      degreeYear: null,
      title: "NONE",
      keyPost: false,
      provincialAward: false,
    };
    p.degreeInstitution = r.pick(UNIVERSITIES);
    p.degreeYear = Math.min(entryDate.getUTCFullYear(), birth.getUTCFullYear() + 22 + r.int(0, 2));
    people.push(p);
    return p;
  };
  const leave = (p: TPerson, on: Date, status: "LEFT" | "RETIRED" = "LEFT") => {
    p.status = status;
    p.statusSince = on;
    p.history.push({ status, effectiveFrom: on });
  };
  const cert = (p: TPerson, kind: TCred["kind"], issueDate: Date, regEnd: Date | null, status: TCred["status"] = "VERIFIED") => {
    p.creds.push({ kind, status, issueDate, regEnd });
  };
  const degreeCred = (p: TPerson, level: "BACHELOR" | "MASTER" | "ASSOCIATE", issueDate: Date) => {
    p.degree = level;
    p.major = "SOCIAL_WORK";
    p.degreeYear = issueDate.getUTCFullYear();
    p.creds.push({ kind: "SOCIAL_WORK_DEGREE", status: "VERIFIED", issueDate, regEnd: null, degreeLevel: level, institution: p.degreeInstitution ?? UNIVERSITIES[0] });
  };
  const longValid = () => addDays(today, r.int(400, 1000));

  // --- Baseline: exactly 40 counted on the plan's first day. ---------------------------------
  const baseline: TPerson[] = [];
  for (let i = 0; i < DEMO_PLAN.startValue; i++) {
    const p = person("BASELINE", utc(r.int(2015, 2024), r.int(1, 12), r.int(1, 28)));
    if (p.entryDate.getTime() >= start.getTime()) p.entryDate = utc(2024, r.int(1, 11), r.int(1, 28));
    p.history = [{ status: "ACTIVE", effectiveFrom: p.entryDate }];
    p.statusSince = p.entryDate;
    const issued = new Date(Math.min(addDays(p.entryDate, r.int(-900, 200)).getTime(), addDays(start, -r.int(20, 300)).getTime()));
    if (i % 3 === 0) degreeCred(p, r.chance(0.25) ? "MASTER" : "BACHELOR", utc(Math.min(2024, p.degreeYear ?? 2018), 7, 1));
    else cert(p, certKind(r), issued, longValid());
    baseline.push(p);
  }
  // Three baseline people left the city, one retired; three registrations were renewed (a period
  // ended, the next began the day after); two lapsed and are not renewed yet (those people still
  // count: the certificate is permanent); five end within 90 days.
  const frac = (x: number) => addDays(start, Math.round(span * x));
  leave(baseline[1]!, frac(0.35));
  leave(baseline[4]!, frac(0.62));
  leave(baseline[7]!, frac(0.8));
  leave(baseline[10]!, frac(0.5), "RETIRED");
  for (const [i, at, gap] of [
    [2, 0.3, 45],
    [5, 0.55, 70],
    [8, 0.7, 30],
  ] as const) {
    const p = baseline[i]!;
    const c = p.creds.find((x) => x.kind !== "SOCIAL_WORK_DEGREE")!;
    // The period that ended at `at` was renewed: the current one runs three years from the day after.
    c.regEnd = addDays(frac(at), 365 * 3 + (gap % 2));
  }
  for (const [i, at] of [
    [11, 0.75],
    [13, 0.9],
  ] as const) {
    const c = baseline[i]!.creds.find((x) => x.kind !== "SOCIAL_WORK_DEGREE")!;
    c.regEnd = frac(at);
  }
  for (const i of [14, 16, 17, 19, 20]) {
    const c = baseline[i]!.creds.find((x) => x.kind !== "SOCIAL_WORK_DEGREE")!;
    c.regEnd = addDays(today, r.int(6, 85));
  }

  // --- Inflow since the start: recruitment and cultivation at about 85% of the line's pace. ----
  // Four baseline people left or retired (the two whose registrations lapsed still count).
  const lostFromBaseline = 4;
  const recruitedLeavers = 2;
  const wantedNow = Math.round(DEMO_PLAN.startValue + (0.85 * DEMO_PLAN.yearlyTarget * months) / 12);
  const inflow = Math.max(0, wantedNow - (DEMO_PLAN.startValue - lostFromBaseline) + recruitedLeavers);
  let workerPlaced = false;
  const recruited: TPerson[] = [];
  for (let k = 0; k < inflow; k++) {
    // Slow in the first months, quicker lately (people joined ≈ inflow · t^1.25): behind the line
    // all along, with the recent trend slowly closing the gap.
    const at = addDays(start, Math.max(1, Math.floor(((k + 0.3 + 0.4 * r.next()) / inflow) ** 0.8 * (span - 1))));
    const isRecruit = k % 5 === 1 || k % 5 === 3;
    if (isRecruit) {
      const p = person("RECRUITED", at);
      const x = r.next();
      // G1 priority profiles among recruits: MSW, deputy-senior titles, social workers, provincial awards, key posts.
      if (x < 0.22) degreeCred(p, "MASTER", utc(at.getUTCFullYear() - r.int(1, 6), 7, 1));
      else cert(p, x < 0.5 ? "SOCIAL_WORKER" : x < 0.56 ? "SENIOR_SOCIAL_WORKER" : "ASSISTANT_SOCIAL_WORKER", addDays(at, -r.int(200, 2000)), longValid());
      if (r.chance(0.15)) {
        p.title = "DEPUTY_SENIOR";
        p.creds.push({ kind: "PROFESSIONAL_TITLE", status: "VERIFIED", issueDate: addDays(at, -r.int(300, 2500)), regEnd: null, titleLevel: "DEPUTY_SENIOR" });
      } else if (r.chance(0.25)) p.title = "INTERMEDIATE";
      if (r.chance(0.12)) p.provincialAward = true;
      if (p.degree !== "ASSOCIATE" && r.chance(0.2)) p.keyPost = true;
      recruited.push(p);
    } else if (!workerPlaced && at.getTime() >= frac(0.35).getTime()) {
      // 李明 (worker@demo.local): cultivated at his agency, a verified social-worker certificate
      // registered the day it was issued for three years (60 of 90 hours done: see the ledger below).
      workerPlaced = true;
      const org = orgById.get(opts.worker.organizationId)!;
      const p = person("CULTIVATED", utc(2022, 3, 1), org, opts.worker.id, "李明", "MALE");
      p.degree = "BACHELOR";
      p.major = "SOCIAL_WORK";
      cert(p, "SOCIAL_WORKER", at, new Date(Date.UTC(at.getUTCFullYear() + 3, at.getUTCMonth(), at.getUTCDate() - 1)));
    } else {
      const p = person("CULTIVATED", addDays(at, -r.int(180, 1400)));
      if (p.entryDate.getTime() >= at.getTime()) p.entryDate = addDays(at, -30);
      p.history = [{ status: "ACTIVE", effectiveFrom: p.entryDate }];
      p.statusSince = p.entryDate;
      if (r.chance(0.18)) degreeCred(p, r.chance(0.8) ? "BACHELOR" : "ASSOCIATE", at);
      else cert(p, r.chance(0.85) ? "ASSISTANT_SOCIAL_WORKER" : "SOCIAL_WORKER", at, longValid());
    }
  }
  leave(recruited[0]!, frac(0.6));
  leave(recruited[3]!, frac(0.85));
  for (const i of [5, 8]) {
    const c = recruited[i]?.creds.find((x) => x.regEnd);
    if (c) c.regEnd = addDays(today, r.int(20, 80));
  }

  // --- Not counting yet: the verification queue (7 of 12 in 东城区), rejections, trainees. ----
  const dongcheng = orgPick.inDistrict(opts.actors.districtOfficer.districtCode);
  for (let i = 0; i < 12; i++) {
    const p = person("CULTIVATED", addDays(today, -r.int(200, 1500)), i < 7 ? r.pick(dongcheng) : undefined);
    cert(p, r.chance(0.8) ? "ASSISTANT_SOCIAL_WORKER" : "SOCIAL_WORKER", addDays(today, -r.int(5, 60)), addDays(today, 365 * 3 - 90), "SUBMITTED");
  }
  for (let i = 0; i < 5; i++) {
    const p = person("CULTIVATED", addDays(today, -r.int(200, 1500)), i < 2 ? r.pick(dongcheng) : undefined);
    const c: TCred = { kind: "ASSISTANT_SOCIAL_WORKER", status: "REJECTED", issueDate: addDays(today, -r.int(30, 200)), regEnd: null, reason: REJECT_REASONS[i % REJECT_REASONS.length] };
    p.creds.push(c);
  }
  while (people.length < 200) {
    const p = person(r.chance(0.8) ? "CULTIVATED" : "RECRUITED", addDays(today, -r.int(30, 1600)));
    if (r.chance(0.3)) {
      p.title = r.chance(0.7) ? "JUNIOR" : "INTERMEDIATE";
      p.creds.push({ kind: "PROFESSIONAL_TITLE", status: "VERIFIED", issueDate: addDays(p.entryDate, -r.int(100, 900)), regEnd: null, titleLevel: p.title === "JUNIOR" ? "JUNIOR" : "INTERMEDIATE" });
    }
    if (r.chance(0.06)) leave(p, addDays(today, -r.int(10, 200)));
  }

  // Two of the registrations ending soon are in 东城区, so the district officer sees some too.
  const dc = opts.actors.districtOfficer.districtCode;
  const soonInDistrict = people
    .filter((p) => p.org.districtCode === dc && p.status === "ACTIVE" && p.id !== opts.worker.id)
    .flatMap((p) => p.creds.filter((c) => c.status === "VERIFIED" && c.kind !== "SOCIAL_WORK_DEGREE" && c.kind !== "PROFESSIONAL_TITLE" && c.regEnd && c.regEnd.getTime() > addDays(today, 365).getTime()))
    .slice(0, 2);
  for (const c of soonInDistrict) c.regEnd = addDays(today, r.int(15, 70));

  await insertPeople(tx, people, { today, actors, idKey: opts.idKey, r, workerId: opts.worker.id });
  return { count: people.length, workerPlaced };
}

async function insertPeople(tx: TDb, people: TPerson[], ctx: { today: Date; actors: TDemoActors; idKey: string; r: TRng; workerId: string }) {
  const { today, actors, idKey, r, workerId } = ctx;
  const practitioners: Prisma.PractitionerCreateManyInput[] = [];
  const credentials: Prisma.CredentialCreateManyInput[] = [];
  const events: Prisma.CredentialEventCreateManyInput[] = [];
  const statusChanges: Prisma.PractitionerStatusChangeCreateManyInput[] = [];
  const periods: Prisma.QualifiedPeriodCreateManyInput[] = [];
  const awards: Prisma.AwardCreateManyInput[] = [];
  const registrations: Prisma.RegistrationCreateManyInput[] = [];
  const regPeriods: Prisma.RegistrationPeriodCreateManyInput[] = [];
  const cpd: Prisma.CpdEntryCreateManyInput[] = [];
  const renewals: Prisma.RenewalRequestCreateManyInput[] = [];
  let cpdSeq = 0;
  let queuedInDistrict = 0;

  /**
   * The registration of a certificate whose current period ends on `end`: three-year periods
   * back to the first one after the issue date (earlier ones are renewals in its history).
   */
  const registrationFor = (credentialId: string, practitionerId: string, issueDate: Date, end: Date) => {
    const periods: Prisma.RegistrationPeriodCreateManyInput[] = [];
    const regId = `demo_rg_${credentialId.slice(8)}`;
    let e = end;
    // Whole three-year periods back from the current one while they start after the issue date (the
    // holder registered some time after passing the exam); only a current period that would start
    // before the certificate was issued is cut short at the issue date.
    for (let k = 0; k < 4; k++) {
      const back = new Date(Date.UTC(e.getUTCFullYear() - 3, e.getUTCMonth(), e.getUTCDate() + 1));
      if (back.getTime() < issueDate.getTime() && k > 0) break;
      const start = back.getTime() < issueDate.getTime() ? issueDate : back;
      periods.push({ registrationId: regId, start, end: e, origin: "RENEWAL" });
      e = addDays(start, -1);
    }
    periods[periods.length - 1]!.origin = "INITIAL";
    const current = periods[0]!;
    return {
      registration: { id: regId, practitionerId, credentialId, number: `DJ${(current.start as Date).getUTCFullYear()}${credentialId.slice(8)}`, periodStart: current.start as Date, periodEnd: end },
      periods,
    };
  };

  /**
   * Continuing education in the current period: a few verified lines for most people; 李明 has
   * 60 of 90 hours and 6 more waiting; in 东城区 some hours wait for the district officer and one
   * registration due soon has its hours met and a renewal request waiting.
   */
  const ledgerFor = (p: TPerson, reg: { id?: string; practitionerId: string; periodStart: Date; periodEnd: Date }, verifier: { id: string; name: string }) => {
    const start = reg.periodStart.getTime();
    const span = Math.max(1, Math.min(today.getTime(), reg.periodEnd.getTime()) - start);
    const at = (x: number) => new Date(start + Math.floor(span * x / DAY) * DAY);
    const line = (x: number, halfHours: number, kind: "TRAINING_PROGRAMME" | "SUPERVISION" | "EXTERNAL", status: "VERIFIED" | "SUBMITTED" | "REJECTED" = "VERIFIED") => {
      const endDate = at(x);
      if (endDate.getTime() > today.getTime()) return;
      const days = Math.max(1, Math.ceil(halfHours / 2 / 8));
      const topic = CPD_TOPICS[cpdSeq % CPD_TOPICS.length]!;
      cpd.push({
        id: `demo_cpd_${String(++cpdSeq).padStart(5, "0")}`,
        practitionerId: p.id,
        kind,
        title: kind === "SUPERVISION" ? "个案督导（季度）" : topic[0],
        provider: kind === "SUPERVISION" ? "市社会工作督导中心" : topic[1],
        startDate: addDays(endDate, -(days - 1)),
        endDate,
        halfHours,
        status,
        reason: status === "REJECTED" ? "证明材料未显示学时，请补充培训机构出具的学时证明。" : null,
        submittedById: null,
        decidedById: status === "SUBMITTED" ? null : verifier.id,
        decidedAt: status === "SUBMITTED" ? null : clampPast(addDays(endDate, r.int(3, 20))),
        createdAt: clampPast(addDays(endDate, r.int(1, 5))),
      });
    };
    if (p.id === workerId) {
      // 60 verified hours (24 + 12 + 16 + 8) and 6 waiting.
      line(0.15, 48, "TRAINING_PROGRAMME");
      line(0.35, 24, "SUPERVISION");
      line(0.6, 32, "EXTERNAL");
      line(0.8, 16, "SUPERVISION");
      line(0.97, 12, "EXTERNAL", "SUBMITTED");
      return;
    }
    const n = r.int(0, 4);
    for (let k = 0; k < n; k++) line((k + 0.5 + 0.4 * r.next()) / (n + 1), 2 * r.pick([6, 8, 12, 16, 24]), r.pick(["TRAINING_PROGRAMME", "SUPERVISION", "EXTERNAL"] as const));
    if (p.org.districtCode === actors.districtOfficer.districtCode) {
      const left = Math.round((reg.periodEnd.getTime() - today.getTime()) / DAY);
      if (queuedInDistrict < 4 && left > 120) {
        queuedInDistrict++;
        line(0.98, 2 * r.pick([6, 8, 12]), "EXTERNAL", "SUBMITTED");
        if (queuedInDistrict === 2) line(0.9, 16, "EXTERNAL", "REJECTED");
      } else if (left >= 0 && left <= 90 && !renewals.length && reg.id) {
        // Hours met (90 verified) and a renewal request waiting.
        for (const x of [0.2, 0.45, 0.7, 0.9]) line(x, 45, "TRAINING_PROGRAMME");
        renewals.push({ id: "demo_rn_0001", registrationId: reg.id, practitionerId: p.id, periodEnd: reg.periodEnd, halfHours: 180, status: "SUBMITTED", submittedById: null, createdAt: clampPast(addDays(today, -2)) });
      }
    }
  };
  let credSeq = 0;
  const now = new Date();
  const clampPast = (d: Date) => (d.getTime() > now.getTime() ? now : d);

  people.forEach((p, index) => {
    const area = `${p.org.districtCode.slice(0, 6)}`;
    const idNumber = idNumberFor(area, p.birthDate, index + 1, p.gender);
    const facts: TCredentialFact[] = p.creds.map((c) => ({ kind: c.kind, status: c.status, degreeLevel: c.degreeLevel ?? null, titleLevel: c.titleLevel ?? null, issueDate: c.issueDate }));
    const regFacts = p.creds.flatMap((c) => (c.regEnd && CERT_KINDS.has(c.kind) ? [{ credentialStatus: c.status, periodEnd: c.regEnd }] : []));
    const derived = deriveFacts(facts, p.history, p.entryDate, { degree: p.degree, professionalTitle: p.title, keyPost: p.keyPost, awardLevels: p.provincialAward ? ["PROVINCIAL_OR_ABOVE"] : [] }, today, DEFAULT_G1_OPTIONS, regFacts);
    const field = FIELD_BY_KIND[p.org.kind] ?? "SOCIAL_ORGANIZATIONS";
    const fields = [field, ...(r.chance(0.45) ? [r.pick(EXTRA_FIELDS)] : [])].filter((f, i, a) => a.indexOf(f) === i);
    const groups = [r.pick(TARGET_GROUPS), ...(r.chance(0.5) ? [r.pick(TARGET_GROUPS)] : [])].filter((g, i, a) => a.indexOf(g) === i);
    practitioners.push({
      id: p.id,
      name: p.name,
      gender: p.gender,
      birthDate: p.birthDate,
      idNumberEncrypted: encryptIdNumber(idKey, idNumber),
      idNumberHash: idNumberLookupHash(idKey, idNumber),
      idNumberMasked: maskIdNumber(idNumber),
      phone: `1${r.pick(["35", "38", "39", "50", "58", "86", "89"])}${String(r.int(0, 99_999_999)).padStart(8, "0")}`,
      email: null,
      degree: p.degree,
      major: p.degree === "NONE" ? null : p.major,
      degreeInstitution: p.degree === "NONE" ? null : p.degreeInstitution,
      degreeYear: p.degree === "NONE" ? null : p.degreeYear,
      professionalTitle: p.title,
      organizationId: p.org.id,
      regionId: p.org.regionId,
      regionPath: p.org.regionPath,
      employmentType: employmentFor(p.org.kind),
      hireDate: p.entryDate,
      practiceFields: fields as never,
      targetGroups: groups as never,
      talentTrack: r.pick(TRACKS),
      entryPath: p.entryPath,
      entryDate: p.entryDate,
      status: p.status,
      statusSince: p.statusSince,
      keyPost: p.keyPost,
      ...derivedColumns(derived),
    });
    for (const h of p.history) statusChanges.push({ practitionerId: p.id, status: h.status, effectiveFrom: h.effectiveFrom, note: h.status === "ACTIVE" ? null : h.status === "LEFT" ? "调离本市" : "退休" });
    periods.push(...periodRows(p.id, derived, p.org.regionPath, p.entryPath));
    if (p.provincialAward) awards.push({ practitionerId: p.id, name: "省级优秀社会工作者", level: "PROVINCIAL_OR_ABOVE", year: r.int(2016, 2024) });

    const verifier = p.org.districtCode === actors.districtOfficer.districtCode ? actors.districtOfficer : actors.cityAdmin;
    for (const c of p.creds) {
      const id = `demo_cr_${String(++credSeq).padStart(4, "0")}`;
      const submittedAt = clampPast(new Date(Math.max(c.issueDate.getTime(), p.entryDate.getTime()) + r.int(3, 20) * DAY));
      const decidedAt = clampPast(new Date(submittedAt.getTime() + r.int(1, 10) * DAY + r.int(1, 8) * 3_600_000));
      const prefix = { ASSISTANT_SOCIAL_WORKER: "ZL", SOCIAL_WORKER: "ZJ", SENIOR_SOCIAL_WORKER: "GJ", SOCIAL_WORK_DEGREE: "XL", PROFESSIONAL_TITLE: "ZC", OTHER: "QT" }[c.kind];
      const verified = c.status === "VERIFIED";
      credentials.push({
        id,
        practitionerId: p.id,
        kind: c.kind,
        degreeLevel: c.degreeLevel ?? null,
        titleLevel: c.titleLevel ?? null,
        number: `${prefix}${c.issueDate.getUTCFullYear()}${p.org.districtCode.slice(4, 6)}${String(credSeq * 7919 % 100000).padStart(5, "0")}`,
        issuingAuthority: c.kind === "SOCIAL_WORK_DEGREE" ? (c.institution ?? UNIVERSITIES[0]!) : c.kind === "PROFESSIONAL_TITLE" ? "示例省人力资源和社会保障厅" : CERT_AUTHORITY,
        issueDate: c.issueDate,
        status: c.status,
        statusReason: c.reason ?? null,
        submittedById: p.org.id === actors.agencyAdmin.organizationId ? actors.agencyAdmin.id : null,
        verifiedById: verified ? verifier.id : null,
        verifiedAt: verified ? decidedAt : null,
        createdAt: submittedAt,
      });
      events.push({ credentialId: id, fromStatus: null, toStatus: "SUBMITTED", actorId: null, actorName: p.name, at: submittedAt });
      if (verified) events.push({ credentialId: id, fromStatus: "SUBMITTED", toStatus: "VERIFIED", actorId: verifier.id, actorName: verifier.name, at: decidedAt });
      if (c.status === "REJECTED") events.push({ credentialId: id, fromStatus: "SUBMITTED", toStatus: "REJECTED", reason: c.reason ?? null, actorId: verifier.id, actorName: verifier.name, at: decidedAt });
      if (c.regEnd && CERT_KINDS.has(c.kind)) {
        const reg = registrationFor(id, p.id, c.issueDate, c.regEnd);
        registrations.push(reg.registration);
        regPeriods.push(...reg.periods);
        if (c.status === "VERIFIED" && p.status === "ACTIVE") ledgerFor(p, reg.registration, verifier);
      }
    }
  });

  // 李明 already exists (demo.ts creates him before the logins): update him, insert the rest.
  const existing = new Set((await tx.practitioner.findMany({ where: { id: { in: people.map((p) => p.id) } }, select: { id: true } })).map((x) => x.id));
  await tx.practitioner.createMany({ data: practitioners.filter((p) => !existing.has(p.id!)) });
  for (const p of practitioners.filter((x) => existing.has(x.id!))) {
    const { id, ...data } = p;
    await tx.practitioner.update({ where: { id: id! }, data });
  }
  await tx.practitionerStatusChange.createMany({ data: statusChanges });
  await tx.award.createMany({ data: awards });
  await tx.credential.createMany({ data: credentials });
  await tx.credentialEvent.createMany({ data: events });
  await tx.qualifiedPeriod.createMany({ data: periods });
  await tx.registration.createMany({ data: registrations });
  await tx.registrationPeriod.createMany({ data: regPeriods });
  await tx.cpdEntry.createMany({ data: cpd });
  await tx.renewalRequest.createMany({ data: renewals });
  // Employment history: one record at the employer since entry, closed when the person left the city or retired.
  await tx.employmentRecord.deleteMany({ where: { practitionerId: { in: practitioners.map((p) => p.id!) } } });
  await tx.employmentRecord.createMany({
    data: practitioners
      .filter((p) => p.organizationId)
      .map((p) => ({
        practitionerId: p.id!,
        organizationId: p.organizationId!,
        from: p.hireDate as Date,
        to: p.status === "ACTIVE" ? null : (p.statusSince as Date),
        endReason: p.status === "ACTIVE" ? null : ("LEFT" as const),
      })),
  });
  await tx.planTarget.upsert({ where: { id: "city" }, create: { id: "city", ...DEMO_PLAN }, update: {} });
}
