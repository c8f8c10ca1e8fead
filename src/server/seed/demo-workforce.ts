// The demo city's agencies, posts, applications and association (issue 4 item 8): the ten demo
// agencies' particulars, status history and ratings; integrity records on a few of them (one
// agency, 示例市明德司法社会工作服务中心, blacklisted today); posts of both kinds in all nine
// practice fields, partly filled by demo practitioners (some qualified, some not, with some
// ended assignments for history); agency applications at every step of the review; members of
// the city social-work association. Deterministic (fixed seed) and relative to today, inside the
// demo seed's transaction. Bulk inserts only, so the demo still seeds in a few seconds.
import { createHash, randomBytes } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { creditCodeCheckChar } from "@/lib/credit-code";
import { isoDay as day } from "@/domain/common/calendar-day";
import { rng, type TDemoOrg } from "./demo-practitioners";
import { postColumns } from "./workforce-factories";

type TDb = Prisma.TransactionClient;
type TActor = { id: string; name: string };
type TField = "PARTY_MASS" | "SOCIAL_ORGANIZATIONS" | "SCHOOLS" | "HOSPITALS" | "WELFARE_INSTITUTIONS" | "CIVIL_AFFAIRS" | "DISABILITY" | "FAMILY_PLANNING" | "MIGRANTS";
type TGroup = "CHILDREN" | "YOUTH" | "ELDERLY" | "WOMEN" | "DISABLED" | "MIGRANTS" | "FAMILIES" | "OTHER";

export type TDemoWorkforceOptions = {
  orgs: TDemoOrg[];
  /** District regions by code (990101 …). */
  districts: Map<string, { id: string; path: string }>;
  today: Date;
  actors: { cityAdmin: TActor; districtOfficer: TActor };
  /** 李明 (worker@demo.local): left out of posts and the association so his own pages stay as other tests expect. */
  workerId: string;
  seed?: number;
};

const DAY = 86_400_000;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const later = (a: Date, b: Date) => (a.getTime() > b.getTime() ? a : b);

export const BLACKLISTED_DEMO_AGENCY = "示例市明德司法社会工作服务中心";
/** Registered through the access system long ago: its approved application is part of the demo. */
const QIHANG = "示例市启航青少年社会工作服务中心";
const QIHANG_SUBMITTED = utc(2023, 4, 20);
const QIHANG_REFERENCE = "SA-2023-00007";

// --- Agencies ------------------------------------------------------------------------------

type TAgencySeed = {
  legalRepresentative: string;
  address: string;
  foundedOn: Date;
  registeredOn: Date;
  serviceAreas: TField[];
  targetGroups: TGroup[];
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  isPrivate: boolean;
  /** Oldest first; days before today. */
  ratings: { rating: "A1" | "A2" | "A3" | "A4" | "A5"; daysAgo: number }[];
};

const AGENCIES: Record<string, TAgencySeed> = {
  示例市阳光社会工作服务中心: {
    legalRepresentative: "孙晓梅",
    address: "示例市东城区和平路 18 号",
    foundedOn: utc(2014, 6, 18),
    registeredOn: utc(2014, 7, 2),
    serviceAreas: ["SOCIAL_ORGANIZATIONS", "SCHOOLS", "CIVIL_AFFAIRS"],
    targetGroups: ["CHILDREN", "YOUTH", "FAMILIES"],
    contactName: "张丽",
    contactPhone: "010-63010018",
    contactEmail: "contact@sunshine-sw.example",
    isPrivate: true,
    ratings: [
      { rating: "A4", daysAgo: 1100 },
      { rating: "A5", daysAgo: 160 },
    ],
  },
  示例市和平社会工作服务社: {
    legalRepresentative: "周国华",
    address: "示例市东城区朝阳街 56 号",
    foundedOn: utc(2016, 3, 9),
    registeredOn: utc(2016, 3, 30),
    serviceAreas: ["CIVIL_AFFAIRS", "PARTY_MASS"],
    targetGroups: ["ELDERLY", "FAMILIES"],
    contactName: "吴海燕",
    contactPhone: "010-63010056",
    contactEmail: "contact@heping-sw.example",
    isPrivate: true,
    ratings: [{ rating: "A3", daysAgo: 420 }],
  },
  示例市启航青少年社会工作服务中心: {
    legalRepresentative: "林子豪",
    address: "示例市东城区新华路 9 号 3 层",
    foundedOn: utc(2022, 11, 8),
    registeredOn: utc(2023, 5, 8),
    serviceAreas: ["SCHOOLS", "MIGRANTS"],
    targetGroups: ["YOUTH", "CHILDREN", "MIGRANTS"],
    contactName: "林子豪",
    contactPhone: "13801010902",
    contactEmail: "contact@qihang-youth.example",
    isPrivate: true,
    ratings: [{ rating: "A3", daysAgo: 120 }],
  },
  示例市同心社会工作服务中心: {
    legalRepresentative: "马文静",
    address: "示例市西城区解放路 120 号",
    foundedOn: utc(2012, 9, 21),
    registeredOn: utc(2012, 10, 15),
    serviceAreas: ["HOSPITALS", "DISABILITY"],
    targetGroups: ["DISABLED", "ELDERLY"],
    contactName: "马文静",
    contactPhone: "010-66020120",
    contactEmail: "contact@tongxin-sw.example",
    isPrivate: true,
    ratings: [
      { rating: "A4", daysAgo: 1200 },
      { rating: "A5", daysAgo: 300 },
    ],
  },
  示例市长青老年社会工作服务社: {
    legalRepresentative: "郑秀英",
    address: "示例市西城区光明大道 33 号",
    foundedOn: utc(2015, 11, 2),
    registeredOn: utc(2015, 12, 1),
    serviceAreas: ["WELFARE_INSTITUTIONS", "CIVIL_AFFAIRS"],
    targetGroups: ["ELDERLY"],
    contactName: "郑秀英",
    contactPhone: "010-66020033",
    contactEmail: "contact@changqing-elderly.example",
    isPrivate: true,
    ratings: [{ rating: "A3", daysAgo: 500 }],
  },
  示例市湖畔家庭社会工作服务中心: {
    legalRepresentative: "胡建平",
    address: "示例市南湖区湖滨路 7 号",
    foundedOn: utc(2017, 4, 26),
    registeredOn: utc(2017, 5, 20),
    serviceAreas: ["FAMILY_PLANNING", "SOCIAL_ORGANIZATIONS"],
    targetGroups: ["FAMILIES", "WOMEN", "CHILDREN"],
    contactName: "胡建平",
    contactPhone: "0991-3030007",
    contactEmail: "contact@lakeside-family.example",
    isPrivate: true,
    ratings: [{ rating: "A2", daysAgo: 640 }],
  },
  示例市守望社会工作服务中心: {
    legalRepresentative: "曹雨涵",
    address: "示例市南湖区南湖街 88 号",
    foundedOn: utc(2018, 8, 15),
    registeredOn: utc(2018, 9, 10),
    serviceAreas: ["WELFARE_INSTITUTIONS", "DISABILITY"],
    targetGroups: ["CHILDREN", "DISABLED"],
    contactName: "曹雨涵",
    contactPhone: "0991-3030088",
    contactEmail: "contact@shouwang-sw.example",
    isPrivate: true,
    ratings: [{ rating: "A3", daysAgo: 90 }],
  },
  示例市北山社区社会工作服务社: {
    legalRepresentative: "袁志诚",
    address: "示例市北山区北山街道文化路 2 号",
    foundedOn: utc(2021, 1, 12),
    registeredOn: utc(2021, 2, 3),
    serviceAreas: ["PARTY_MASS", "CIVIL_AFFAIRS"],
    targetGroups: ["ELDERLY", "FAMILIES"],
    contactName: "袁志诚",
    contactPhone: "0991-4040002",
    contactEmail: "contact@beishan-community.example",
    isPrivate: false,
    ratings: [],
  },
  示例市滨江乡村社会工作服务站: {
    legalRepresentative: "潘红",
    address: "示例市滨江县城关镇江滨路 15 号",
    foundedOn: utc(2022, 6, 30),
    registeredOn: utc(2022, 7, 22),
    serviceAreas: ["CIVIL_AFFAIRS", "MIGRANTS"],
    targetGroups: ["ELDERLY", "CHILDREN"],
    contactName: "潘红",
    contactPhone: "0991-5050015",
    contactEmail: "contact@binjiang-rural.example",
    isPrivate: false,
    ratings: [],
  },
  示例市明德司法社会工作服务中心: {
    legalRepresentative: "钱永强",
    address: "示例市西城区建设路 201 号",
    foundedOn: utc(2013, 10, 10),
    registeredOn: utc(2013, 11, 6),
    serviceAreas: ["SOCIAL_ORGANIZATIONS", "MIGRANTS"],
    targetGroups: ["YOUTH", "OTHER"],
    contactName: "钱永强",
    contactPhone: "010-66020201",
    contactEmail: "contact@mingde-judicial.example",
    isPrivate: true,
    ratings: [{ rating: "A2", daysAgo: 900 }],
  },
};

/** Integrity records: kind, days before today it happened, days from today it ends (null = open-ended). */
const INTEGRITY: { agency: string; kind: "COMMENDATION" | "WARNING" | "VIOLATION" | "ABNORMAL_LIST" | "BLACKLIST"; daysAgo: number; endsInDays: number | null; source: string; description: string }[] = [
  { agency: "示例市阳光社会工作服务中心", kind: "COMMENDATION", daysAgo: 330, endsInDays: null, source: "示例市民政局", description: "获评年度优秀社会工作服务机构，青少年服务项目成效突出。" },
  { agency: "示例市同心社会工作服务中心", kind: "COMMENDATION", daysAgo: 520, endsInDays: null, source: "示例市卫生健康委员会", description: "医务社会工作试点项目通过验收，获通报表扬。" },
  { agency: "示例市长青老年社会工作服务社", kind: "WARNING", daysAgo: 210, endsInDays: null, source: "西城区民政局", description: "年度报告逾期未报送，责令限期改正；已于期限内补报。" },
  { agency: "示例市湖畔家庭社会工作服务中心", kind: "VIOLATION", daysAgo: 150, endsInDays: null, source: "南湖区民政局", description: "政府购买服务项目资金使用不规范，已责令整改并退回违规支出。" },
  { agency: "示例市守望社会工作服务中心", kind: "ABNORMAL_LIST", daysAgo: 420, endsInDays: -230, source: "示例市民政局", description: "未按规定报送年度工作报告，列入活动异常名录；补报后已移出。" },
  { agency: BLACKLISTED_DEMO_AGENCY, kind: "VIOLATION", daysAgo: 140, endsInDays: null, source: "示例市民政局", description: "承接政府购买服务项目时提供虚假服务记录。" },
  { agency: BLACKLISTED_DEMO_AGENCY, kind: "BLACKLIST", daysAgo: 60, endsInDays: 3 * 365, source: "示例市民政局", description: "弄虚作假骗取政府购买服务资金，列入严重违法失信名单，期间不得承接政府购买服务项目。" },
];

// --- Posts ---------------------------------------------------------------------------------

export type TPostSeed = { org: string; title: string; field: TField; fill: number; qualified: number; ended?: number; level?: "ASSISTANT_SOCIAL_WORKER" | "SOCIAL_WORKER" } & (
  | { kind: "DEPARTMENT"; headcount: number }
  | { kind: "RATIO"; basis: "BEDS" | "STUDENTS" | "PATIENTS" | "RESIDENTS"; count: number; per: number }
);

/** Every practice field has posts; `fill` current holders of whom `qualified` count toward the plan; `ended` past holders. */
export const DEMO_POSTS: readonly TPostSeed[] = [
  // T3.1 party-mass work
  { org: "东城区党员服务中心", title: "党群服务社会工作岗", field: "PARTY_MASS", kind: "RATIO", basis: "RESIDENTS", count: 12000, per: 3000, fill: 2, qualified: 1, ended: 1 },
  { org: "示例市团委", title: "青少年事务社会工作岗", field: "PARTY_MASS", kind: "DEPARTMENT", headcount: 1, fill: 1, qualified: 1 },
  // T3.2 new social and public-welfare organisations
  { org: "示例市民政局", title: "社会组织服务社会工作岗", field: "SOCIAL_ORGANIZATIONS", kind: "DEPARTMENT", headcount: 2, fill: 1, qualified: 1, level: "SOCIAL_WORKER" },
  { org: "示例市妇女联合会", title: "妇女儿童社会组织联络岗", field: "SOCIAL_ORGANIZATIONS", kind: "DEPARTMENT", headcount: 1, fill: 0, qualified: 0 },
  // T3.3 schools
  { org: "示例市教育局", title: "学校社会工作指导岗", field: "SCHOOLS", kind: "DEPARTMENT", headcount: 2, fill: 1, qualified: 1, level: "SOCIAL_WORKER" },
  { org: "东城区教育局", title: "学校社会工作督导岗", field: "SCHOOLS", kind: "DEPARTMENT", headcount: 1, fill: 0, qualified: 0 },
  { org: "示例市第一中学", title: "驻校社会工作岗", field: "SCHOOLS", kind: "RATIO", basis: "STUDENTS", count: 2400, per: 1000, fill: 2, qualified: 1, ended: 1 },
  { org: "东城区实验小学", title: "驻校社会工作岗", field: "SCHOOLS", kind: "RATIO", basis: "STUDENTS", count: 1500, per: 1000, fill: 2, qualified: 1 },
  { org: "南湖区第二中学", title: "驻校社会工作岗", field: "SCHOOLS", kind: "RATIO", basis: "STUDENTS", count: 1800, per: 1000, fill: 0, qualified: 0 },
  // T3.4 hospitals
  { org: "示例市人民医院", title: "医务社会工作岗", field: "HOSPITALS", kind: "RATIO", basis: "PATIENTS", count: 1200, per: 300, fill: 3, qualified: 2, level: "SOCIAL_WORKER" },
  { org: "东城区人民医院", title: "医务社会工作岗", field: "HOSPITALS", kind: "RATIO", basis: "PATIENTS", count: 450, per: 300, fill: 1, qualified: 0 },
  { org: "示例市卫生健康委员会", title: "医务社会工作管理岗", field: "HOSPITALS", kind: "DEPARTMENT", headcount: 1, fill: 1, qualified: 1 },
  // T3.5 welfare and assistance institutions
  { org: "示例市社会福利院", title: "院舍社会工作岗", field: "WELFARE_INSTITUTIONS", kind: "RATIO", basis: "BEDS", count: 400, per: 100, fill: 3, qualified: 2, ended: 1 },
  { org: "示例市儿童福利院", title: "儿童社会工作岗", field: "WELFARE_INSTITUTIONS", kind: "RATIO", basis: "BEDS", count: 150, per: 50, fill: 3, qualified: 2 },
  { org: "东城区和平敬老院", title: "养老社会工作岗", field: "WELFARE_INSTITUTIONS", kind: "RATIO", basis: "BEDS", count: 120, per: 100, fill: 2, qualified: 1 },
  { org: "示例市救助管理站", title: "救助社会工作岗", field: "WELFARE_INSTITUTIONS", kind: "RATIO", basis: "BEDS", count: 200, per: 100, fill: 2, qualified: 1 },
  { org: "滨江县中心敬老院", title: "养老社会工作岗", field: "WELFARE_INSTITUTIONS", kind: "RATIO", basis: "BEDS", count: 90, per: 100, fill: 0, qualified: 0 },
  // T3.6 civil affairs
  { org: "东城区民政局", title: "社会救助社会工作岗", field: "CIVIL_AFFAIRS", kind: "DEPARTMENT", headcount: 2, fill: 2, qualified: 1 },
  { org: "西城区民政局", title: "社会救助社会工作岗", field: "CIVIL_AFFAIRS", kind: "DEPARTMENT", headcount: 2, fill: 1, qualified: 1 },
  { org: "和平街道社会事务办公室", title: "街道社会工作站岗", field: "CIVIL_AFFAIRS", kind: "DEPARTMENT", headcount: 1, fill: 1, qualified: 0 },
  { org: "南湖区民政局", title: "儿童福利社会工作岗", field: "CIVIL_AFFAIRS", kind: "DEPARTMENT", headcount: 1, fill: 0, qualified: 0 },
  // T3.7 disability services
  { org: "示例市残疾人联合会", title: "残疾人康复社会工作岗", field: "DISABILITY", kind: "DEPARTMENT", headcount: 2, fill: 1, qualified: 1 },
  // T3.8 population and family planning
  { org: "示例市人口和计划生育办公室", title: "计生家庭关怀社会工作岗", field: "FAMILY_PLANNING", kind: "DEPARTMENT", headcount: 1, fill: 1, qualified: 0, ended: 1 },
  // T3.9 migrant population
  { org: "示例市总工会", title: "外来务工人员服务社会工作岗", field: "MIGRANTS", kind: "DEPARTMENT", headcount: 2, fill: 1, qualified: 1 },
  { org: "示例市人力资源和社会保障局", title: "流动人口就业服务社会工作岗", field: "MIGRANTS", kind: "DEPARTMENT", headcount: 1, fill: 0, qualified: 0 },
];

// --- Applications --------------------------------------------------------------------------

function creditCode(districtCode: string, serial: number): string {
  const first17 = `52${districtCode}MJ${String(serial).padStart(7, "0")}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export async function seedDemoWorkforce(tx: TDb, opts: TDemoWorkforceOptions): Promise<void> {
  const { today, actors } = opts;
  const now = new Date();
  const r = rng(opts.seed ?? 20260401);
  const orgByName = new Map(opts.orgs.map((o) => [o.name, o]));
  const org = (name: string) => {
    const o = orgByName.get(name);
    if (!o) throw new Error(`demo workforce seed: unknown organisation ${name}`);
    return o;
  };
  const district = (code: string) => {
    const d = opts.districts.get(code);
    if (!d) throw new Error(`demo workforce seed: unknown district ${code}`);
    return d;
  };

  // 1. Agencies: particulars, status history, ratings (the latest copied onto the agency).
  const statusChanges: Prisma.AgencyStatusChangeCreateManyInput[] = [];
  const ratings: Prisma.AgencyRatingCreateManyInput[] = [];
  const rows: Prisma.Sql[] = [];
  for (const agency of opts.orgs.filter((o) => o.kind === "AGENCY")) {
    const a = AGENCIES[agency.name];
    if (!a) throw new Error(`demo workforce seed: no particulars for ${agency.name}`);
    const latest = a.ratings.at(-1);
    rows.push(
      Prisma.sql`(${agency.id}, ${day(a.registeredOn)}::date, ${a.isPrivate}::boolean, ${a.legalRepresentative}, ${a.address}, ${day(a.foundedOn)}::date,
        ${a.serviceAreas}::"PracticeField"[], ${a.targetGroups}::"TargetGroup"[], ${a.contactName}, ${a.contactPhone}, ${a.contactEmail},
        ${latest?.rating ?? null}::"AgencyRatingLevel", ${latest ? day(addDays(today, -latest.daysAgo)) : null}::date)`,
    );
    const reason = agency.name === QIHANG ? `经审核准予登记（申请 ${QIHANG_REFERENCE}）` : "经审核准予登记（机构准入）";
    statusChanges.push({ organizationId: agency.id, status: "ACTIVE", effectiveFrom: a.registeredOn, reason, actorId: actors.cityAdmin.id, actorName: actors.cityAdmin.name, createdAt: a.registeredOn });
    for (const x of a.ratings) ratings.push({ organizationId: agency.id, rating: x.rating, ratedOn: addDays(today, -x.daysAgo), source: "示例市社会组织评估中心", createdById: actors.cityAdmin.id, createdAt: addDays(today, -x.daysAgo) });
  }
  // One statement for the ten agencies (the demo seed must stay quick).
  await tx.$executeRaw`
    UPDATE "Organization" o SET "agencyStatus" = 'ACTIVE', "agencyStatusSince" = v.since, "isPrivate" = v.priv, "legalRepresentative" = v.lr, "address" = v.addr,
      "foundedOn" = v.founded, "serviceAreas" = v.sa, "targetGroups" = v.tg, "contactName" = v.cn, "contactPhone" = v.cp, "contactEmail" = v.ce,
      "rating" = v.rating, "ratingDate" = v.rdate, "updatedAt" = now()
    FROM (VALUES ${Prisma.join(rows)}) AS v(id, since, priv, lr, addr, founded, sa, tg, cn, cp, ce, rating, rdate)
    WHERE o.id = v.id`;
  await tx.agencyStatusChange.createMany({ data: statusChanges });
  await tx.agencyRating.createMany({ data: ratings });

  // 2. Integrity records.
  await tx.integrityRecord.createMany({
    data: INTEGRITY.map((x) => ({
      organizationId: org(x.agency).id,
      kind: x.kind,
      occurredOn: addDays(today, -x.daysAgo),
      endsOn: x.endsInDays === null ? null : addDays(today, x.endsInDays),
      source: x.source,
      description: x.description,
      createdById: actors.cityAdmin.id,
      createdAt: addDays(today, -x.daysAgo),
    })),
  });

  // 3. Posts of both kinds in all nine fields, partly filled. Holders come first from the
  //    organisation's own staff, then from agencies in the same district (social workers placed
  //    through government purchase of services), then from anywhere; nobody holds two posts.
  const people = await tx.practitioner.findMany({
    where: { status: "ACTIVE", id: { not: opts.workerId } },
    select: { id: true, isQualified: true, organizationId: true, regionPath: true, entryDate: true, hireDate: true },
    orderBy: { id: "asc" },
  });
  const taken = new Set<string>();
  const agencyIds = new Set(opts.orgs.filter((o) => o.kind === "AGENCY").map((o) => o.id));
  const districtOf = (path: string | null) => path?.split("/")[2] ?? null;
  const pickHolder = (holder: TDemoOrg, qualified: boolean) => {
    const pool = people.filter((p) => !taken.has(p.id) && p.isQualified === qualified);
    const holderDistrict = districtOf(holder.regionPath);
    const choice =
      pool.find((p) => p.organizationId === holder.id) ??
      pool.find((p) => !!p.organizationId && agencyIds.has(p.organizationId) && holderDistrict !== null && districtOf(p.regionPath) === holderDistrict) ??
      pool.find((p) => !!p.organizationId && agencyIds.has(p.organizationId)) ??
      pool[0];
    if (!choice) throw new Error("demo workforce seed: not enough practitioners for the posts");
    taken.add(choice.id);
    return choice;
  };
  const posts: Prisma.PostCreateManyInput[] = [];
  const assignments: Prisma.PostAssignmentCreateManyInput[] = [];
  DEMO_POSTS.forEach((p, i) => {
    const holder = org(p.org);
    const id = `demo_post_${String(i + 1).padStart(3, "0")}`;
    const createdAt = addDays(today, -r.int(500, 800));
    posts.push({
      id,
      ...postColumns(p.kind === "DEPARTMENT" ? { kind: "DEPARTMENT", headcount: p.headcount } : { kind: "RATIO", ratioBasis: p.basis, basisCount: p.count, ratioPerWorker: p.per }),
      title: p.title,
      organizationId: holder.id,
      regionId: holder.regionId,
      regionPath: holder.regionPath,
      practiceField: p.field,
      requiredQualification: p.level ?? "ASSISTANT_SOCIAL_WORKER",
      createdAt,
    });
    for (let k = 0; k < p.fill; k++) {
      const person = pickHolder(holder, k < p.qualified);
      const start = person.hireDate ?? person.entryDate ?? createdAt;
      assignments.push({ postId: id, practitionerId: person.id, from: later(start, addDays(today, -r.int(40, 480))), to: null, createdById: actors.cityAdmin.id });
    }
    // Past holders: moved on before today (history only, not counted).
    for (let k = 0; k < (p.ended ?? 0); k++) {
      const person = pickHolder(holder, r.chance(0.5));
      const to = addDays(today, -r.int(20, 120));
      const from = later(person.hireDate ?? person.entryDate ?? addDays(to, -400), addDays(to, -r.int(200, 500)));
      if (from.getTime() < to.getTime()) assignments.push({ postId: id, practitionerId: person.id, from, to, createdById: actors.cityAdmin.id, endedById: actors.cityAdmin.id, note: "调整岗位" });
      else taken.delete(person.id);
    }
  });
  await tx.post.createMany({ data: posts });
  await tx.postAssignment.createMany({ data: assignments });

  // 4. Agency applications: one at each step of the review, one approved long ago (启航), one rejected.
  const dongcheng = district("990101");
  const nanhu = district("990103");
  const officer = actors.districtOfficer;
  const city = actors.cityAdmin;
  const at = (d: Date, hours: number) => new Date(d.getTime() + hours * 3_600_000);
  const ref = (d: Date, n: number) => `SA-${d.getUTCFullYear()}-${String(n).padStart(5, "0")}`;
  const qihang = org(QIHANG);
  const qihangSeed = AGENCIES[QIHANG]!;
  const qihangCode = (await tx.organization.findUniqueOrThrow({ where: { id: qihang.id }, select: { creditCode: true } })).creditCode!;
  type TApp = Prisma.AgencyApplicationCreateManyInput & { events: Omit<Prisma.AgencyApplicationEventCreateManyInput, "applicationId">[] };
  const base = (name: string, d: { id: string; path: string }, code: string, extra: Omit<Prisma.AgencyApplicationCreateManyInput, "reference" | "name" | "creditCode" | "regionId" | "regionPath">) => ({
    name,
    creditCode: code,
    regionId: d.id,
    regionPath: d.path,
    locale: "zh_Hans" as const,
    registrationScanFileId: null,
    ...extra,
  });
  const submittedDistrict = at(addDays(today, -2), 2);
  const submittedCity = at(addDays(today, -15), 3);
  const submittedReturned = at(addDays(today, -20), 1);
  const submittedRejected = at(addDays(today, -70), 5);
  const apps: TApp[] = [
    {
      id: "demo_app_01",
      reference: ref(submittedDistrict, 11),
      status: "DISTRICT_REVIEW",
      ...base("示例市暖阳家庭社会工作服务中心", dongcheng, creditCode("990101", 3001), {
        legalRepresentative: "何静怡",
        address: "示例市东城区和平街道幸福里 6 号",
        foundedOn: addDays(today, -210),
        isPrivate: true,
        serviceAreas: ["FAMILY_PLANNING", "CIVIL_AFFAIRS"],
        targetGroups: ["FAMILIES", "WOMEN", "CHILDREN"],
        contactName: "何静怡",
        contactPhone: "13901012006",
        contactEmail: "contact@nuanyang-family.example",
        submittedAt: submittedDistrict,
      }),
      events: [{ step: "DISTRICT_REVIEW", decision: "SUBMITTED", actorName: "何静怡", at: submittedDistrict }],
    },
    {
      id: "demo_app_02",
      reference: ref(submittedCity, 12),
      status: "CITY_REVIEW",
      ...base("示例市新苗儿童社会工作服务社", dongcheng, creditCode("990101", 3002), {
        legalRepresentative: "韩梦瑶",
        address: "示例市东城区朝阳街道育才路 21 号",
        foundedOn: addDays(today, -300),
        isPrivate: true,
        serviceAreas: ["SCHOOLS", "WELFARE_INSTITUTIONS"],
        targetGroups: ["CHILDREN"],
        contactName: "韩梦瑶",
        contactPhone: "13901012021",
        contactEmail: "contact@xinmiao-children.example",
        submittedAt: submittedCity,
      }),
      events: [
        { step: "DISTRICT_REVIEW", decision: "SUBMITTED", actorName: "韩梦瑶", at: submittedCity },
        {
          step: "DISTRICT_REVIEW",
          decision: "APPROVED",
          commentForCity: "已实地走访机构办公场所，场地与登记地址一致；两名专职社会工作者均持证。建议终审时核对学校社会工作服务协议的期限。",
          actorId: officer.id,
          actorName: officer.name,
          at: at(addDays(today, -8), 4),
        },
      ],
    },
    {
      id: "demo_app_03",
      reference: ref(submittedReturned, 13),
      status: "RETURNED",
      returnedFrom: "DISTRICT_REVIEW",
      ...base("示例市康宁社会工作服务中心", dongcheng, creditCode("990101", 3003), {
        legalRepresentative: "贾思远",
        address: "示例市东城区新华街道新华路 102 号",
        foundedOn: addDays(today, -400),
        isPrivate: true,
        serviceAreas: ["HOSPITALS", "DISABILITY"],
        targetGroups: ["DISABLED", "ELDERLY"],
        contactName: "贾思远",
        contactPhone: "13901012102",
        contactEmail: "contact@kangning-sw.example",
        submittedAt: submittedReturned,
        // The amend link's token is random and thrown away: nobody can use it, but the application
        // looks exactly like one waiting for the applicant.
        amendTokenHash: sha256(randomBytes(32).toString("base64url")),
        amendTokenExpiresAt: new Date(now.getTime() + 10 * DAY),
      }),
      events: [
        { step: "DISTRICT_REVIEW", decision: "SUBMITTED", actorName: "贾思远", at: submittedReturned },
        {
          step: "DISTRICT_REVIEW",
          decision: "RETURNED",
          reason: "登记证书扫描件不清晰，且申报的服务领域与章程不一致。请上传清晰的登记证书扫描件，并按章程核对服务领域后重新提交。",
          actorId: officer.id,
          actorName: officer.name,
          at: at(addDays(today, -4), 6),
        },
      ],
    },
    {
      id: "demo_app_04",
      reference: QIHANG_REFERENCE,
      status: "APPROVED",
      organizationId: qihang.id,
      ...base("示例市启航青少年社会工作服务中心", dongcheng, qihangCode, {
        legalRepresentative: qihangSeed.legalRepresentative,
        address: qihangSeed.address,
        foundedOn: qihangSeed.foundedOn,
        isPrivate: true,
        serviceAreas: qihangSeed.serviceAreas,
        targetGroups: qihangSeed.targetGroups,
        contactName: qihangSeed.contactName,
        contactPhone: qihangSeed.contactPhone,
        contactEmail: qihangSeed.contactEmail,
        submittedAt: at(QIHANG_SUBMITTED, 2),
        decidedAt: at(qihangSeed.registeredOn, 3),
      }),
      events: [
        { step: "DISTRICT_REVIEW", decision: "SUBMITTED", actorName: qihangSeed.contactName, at: at(QIHANG_SUBMITTED, 2) },
        { step: "DISTRICT_REVIEW", decision: "APPROVED", actorId: officer.id, actorName: officer.name, at: at(utc(2023, 4, 26), 3) },
        { step: "CITY_REVIEW", decision: "APPROVED", actorId: city.id, actorName: city.name, at: at(qihangSeed.registeredOn, 3) },
      ],
    },
    {
      id: "demo_app_05",
      reference: ref(submittedRejected, 14),
      status: "REJECTED",
      ...base("示例市益众社会工作咨询中心", nanhu, creditCode("990103", 3005), {
        legalRepresentative: "蒋立新",
        address: "示例市南湖区湖滨街道商贸大厦 1203 室",
        foundedOn: addDays(today, -900),
        isPrivate: true,
        serviceAreas: ["SOCIAL_ORGANIZATIONS"],
        targetGroups: ["OTHER"],
        contactName: "蒋立新",
        contactPhone: "13901032005",
        contactEmail: "contact@yizhong-consulting.example",
        submittedAt: submittedRejected,
        decidedAt: at(addDays(today, -55), 2),
      }),
      events: [
        { step: "DISTRICT_REVIEW", decision: "SUBMITTED", actorName: "蒋立新", at: submittedRejected },
        { step: "DISTRICT_REVIEW", decision: "APPROVED", actorName: "南湖区民政局", at: at(addDays(today, -62), 3) },
        { step: "CITY_REVIEW", decision: "REJECTED", reason: "经核查，该机构的业务范围以商业咨询为主，不属于社会工作服务机构，不符合准入条件。", actorId: city.id, actorName: city.name, at: at(addDays(today, -55), 2) },
      ],
    },
  ];
  await tx.agencyApplication.createMany({ data: apps.map(({ events, ...a }) => ({ ...a, createdAt: a.submittedAt, updatedAt: (a.decidedAt ?? events.at(-1)?.at ?? a.submittedAt) as Date })) });
  await tx.agencyApplicationEvent.createMany({ data: apps.flatMap((a) => a.events.map((e) => ({ ...e, applicationId: a.id! }))) });

  // 5. The association: seven agencies (明德's membership ended when it was blacklisted) and
  //    twenty practitioners, numbered in the order they joined; two joined this year.
  const yearStart = utc(today.getUTCFullYear(), 1, 1);
  const thisYear = (daysAgo: number) => later(addDays(today, -daysAgo), yearStart);
  const memberAgencies = [
    { name: "示例市同心社会工作服务中心", joined: addDays(today, -1500) },
    { name: "示例市阳光社会工作服务中心", joined: addDays(today, -1400) },
    { name: BLACKLISTED_DEMO_AGENCY, joined: addDays(today, -1300), endedOn: addDays(today, -55) },
    { name: "示例市和平社会工作服务社", joined: addDays(today, -1000) },
    { name: "示例市长青老年社会工作服务社", joined: addDays(today, -800) },
    { name: "示例市湖畔家庭社会工作服务中心", joined: addDays(today, -600) },
    { name: "示例市启航青少年社会工作服务中心", joined: thisYear(20) },
  ];
  const members: Prisma.AssociationMembershipCreateManyInput[] = memberAgencies.map((m, i) => ({
    memberType: "AGENCY",
    organizationId: org(m.name).id,
    memberNumber: `SWA-A-${String(i + 1).padStart(4, "0")}`,
    joinedOn: m.joined,
    status: m.endedOn ? "ENDED" : "ACTIVE",
    endedOn: m.endedOn ?? null,
    note: m.endedOn ? "列入严重违法失信名单，终止会籍" : i < 2 ? "理事单位" : null,
  }));
  // Qualified practitioners, every third one in order (several in 东城区), the last two joining this year.
  const dongchengPath = dongcheng.path;
  const qualified = people.filter((p) => p.isQualified);
  const chosen = [...qualified.filter((p) => p.regionPath?.startsWith(dongchengPath)).slice(0, 6), ...qualified.filter((p) => !p.regionPath?.startsWith(dongchengPath)).filter((_, i) => i % 3 === 0)].slice(0, 20);
  chosen.forEach((p, i) => {
    const last = i >= chosen.length - 2;
    const joined = last ? thisYear(30 - i) : later(p.entryDate ?? addDays(today, -900), addDays(today, -(900 - i * 30)));
    members.push({
      memberType: "PRACTITIONER",
      practitionerId: p.id,
      memberNumber: `SWA-P-${String(i + 1).padStart(4, "0")}`,
      joinedOn: joined.getTime() > today.getTime() ? today : joined,
      status: i === 7 ? "SUSPENDED" : "ACTIVE",
      note: i === 7 ? "会费逾期未缴，暂停会籍" : null,
    });
  });
  await tx.associationMembership.createMany({ data: members });
}
