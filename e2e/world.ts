// Records a spec builds for itself in the test database, so that what it changes and the figures
// it asserts are its own: another spec running at the same time (two workers) never touches them.
// Everything is built with the factories the demo seed uses (src/server/seed), inside the demo
// city, under names carrying a tag unique to the run and the worker.
import { randomBytes } from "node:crypto";
import type { Prisma } from "../src/generated/prisma/client";
import { encryptIdNumber, idNumberLookupHash } from "../src/lib/id-crypto";
import { maskIdNumber } from "../src/lib/id-number";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "../src/server/seed/factories";
import { makeCredentialedPractitioner, type TCredentialSeed } from "../src/server/seed/credential-factories";
import { randomIdNumber } from "../src/server/seed/id-numbers";
import { makeScoredEvaluation } from "../src/server/seed/evaluation-outcome-factories";
import { commitEntry, insertContract } from "../src/server/seed/demo-contracts";
import type { TDb } from "./db";

export type TTx = Prisma.TransactionClient;
type TOrgKind = Prisma.OrganizationUncheckedCreateInput["kind"];
type TRole = Prisma.UserUncheckedCreateInput["role"];

/** Six letters and digits, new on every call: for names, e-mail addresses and numbers. */
export function uniqueTag(): string {
  return `${Date.now().toString(36).slice(-3)}${randomBytes(3).toString("hex").slice(0, 3)}`.toUpperCase();
}

/**
 * Builds records in one transaction that also writes an audit event, as every change in the app
 * does: caches keyed on the audit log (the growth dashboard's, src/server/dashboards/cache.ts)
 * then see the new records at once, never half of them.
 */
export async function buildWorld<T>(db: TDb, what: string, build: (tx: TTx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      const world = await build(tx);
      await tx.auditEvent.create({ data: { action: "e2e.fixture", entity: "E2E", entityId: what, actorEmail: "e2e@fixtures.local" } });
      return world;
    },
    { timeout: 30_000 },
  );
}

/** The demo city's region (the seed's demo-city.json, code 990100). */
export function demoCity(tx: TTx) {
  return tx.region.findUniqueOrThrow({ where: { code: "990100" }, select: { id: true, path: true } });
}

/** A new district of the demo city named `name`, with one street. */
export async function newDistrict(tx: TTx, name: string) {
  const city = await demoCity(tx);
  const district = await makeRegion(tx, { level: "DISTRICT", name, parent: city });
  const street = await makeRegion(tx, { level: "STREET", name: `${name}第一街道`, parent: district });
  return { ...district, street };
}

/** An organisation; an agency is active (the factory's default) and has a contact phone. */
export function newOrg(tx: TTx, kind: TOrgKind, regionId: string, name: string, extra: Partial<Prisma.OrganizationUncheckedCreateInput> = {}) {
  return makeOrganization(tx, { kind, regionId, name, ...(kind === "AGENCY" ? { contactPhone: "010-66660000", isPrivate: true } : {}), ...extra });
}

let users = 0;
/** A user who signs in through the `login` fixture only (no password). */
export function newUser(tx: TTx, role: TRole, name: string, scope: { regionId?: string; organizationId?: string; practitionerId?: string } = {}) {
  return makeUser(tx, { role, name, email: `e2e-${uniqueTag().toLowerCase()}-${++users}@e2e.local`, password: null, ...scope });
}

/** The ID-number columns as the register stores them (encrypted with the server's key, masked, hashed). */
export function idNumberColumns(idNumber = randomIdNumber()) {
  const key = process.env.ID_ENCRYPTION_KEY;
  if (!key) throw new Error("ID_ENCRYPTION_KEY is not set: scripts/e2e.ts passes the server's key to Playwright.");
  return { idNumberEncrypted: encryptIdNumber(key, idNumber), idNumberHash: idNumberLookupHash(key, idNumber), idNumberMasked: maskIdNumber(idNumber) };
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A practitioner at `organizationId` who does not count (no credential). */
export async function newPractitioner(tx: TTx, organizationId: string, name: string, extra: Partial<Prisma.PractitionerUncheckedCreateInput> = {}) {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { regionId: true, region: { select: { path: true } } } });
  return makePractitioner(tx, { name, organizationId, regionId: org.regionId, regionPath: org.region.path, entryDate: day("2024-03-01"), entryPath: "RECRUITED", ...idNumberColumns(), ...extra });
}

/**
 * A practitioner at `organizationId` who counts: a verified certificate (social worker unless said
 * otherwise), valid for years. Issued after the demo plan's first day (2025-01-01) unless said
 * otherwise, so that the city's "counted at the start" stays the demo seed's 40.
 */
export function newCountedPractitioner(tx: TTx, organizationId: string, name: string, extra: Partial<Prisma.PractitionerUncheckedCreateInput> = {}, credential: Partial<TCredentialSeed> = {}) {
  return makeCredentialedPractitioner(tx, { name, entryDate: day("2024-03-01"), entryPath: "RECRUITED", ...idNumberColumns(), ...extra, organizationId }, [
    { status: "VERIFIED", kind: "SOCIAL_WORKER", number: `E2E-ZJ-${uniqueTag()}`, issueDate: "2025-06-01", registrationEnd: "2030-05-31", ...credential },
  ]);
}

/**
 * Issue 14: an agency grading in SCORED by a new evaluation body with three evaluators (each with a
 * submitted sheet; 40/30/30 weights), computed by the rules as the scoring would leave it.
 */
export async function newScoredGrading(tx: TTx, agencyId: string, tag: string, sheets: number[][] = [[70, 65, 60], [68, 66, 64], [66, 70, 62]]) {
  const city = await demoCity(tx);
  const body = await newOrg(tx, "EVALUATION_BODY", city.id, `评估${tag}中心`);
  const names = ["甲", "乙", "丙"];
  const evaluators = [];
  for (const name of names) evaluators.push(await newUser(tx, "EVALUATOR", `评估员${name}${tag}`, { organizationId: body.id }));
  const evaluation = await makeScoredEvaluation(tx, {
    kind: "AGENCY_GRADING",
    bodyId: body.id,
    organizationId: agencyId,
    panel: evaluators.map((u, i) => ({ userId: u.id, scores: sheets[i]! })),
    reference: `PG-2099-${tag}`,
  });
  return { body, evaluators, evaluation };
}

/**
 * An evaluation body (issue 14) with `count` EVALUATOR accounts named 评估员<i><tag>; a second body
 * is built the same way for "another body's evaluator".
 */
export async function newEvaluationBody(tx: TTx, tag: string, count: number) {
  const city = await demoCity(tx);
  const body = await newOrg(tx, "EVALUATION_BODY", city.id, `评估中心${tag}`);
  const evaluators = [];
  for (let i = 1; i <= count; i++) evaluators.push(await newUser(tx, "EVALUATOR", `评估员${i}${tag}`, { organizationId: body.id }));
  return { ...body, evaluators };
}

/** An evaluator's own register entry (User.personPractitionerId) with a job at `agencyId` that ended `monthsAgo` months ago. */
export async function linkFormerEmployee(tx: TTx, userId: string, agencyId: string, homeOrganizationId: string, name: string, monthsAgo: number) {
  const person = await newPractitioner(tx, homeOrganizationId, name);
  const now = new Date();
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
  const from = new Date(Date.UTC(to.getUTCFullYear() - 3, to.getUTCMonth(), 1));
  await tx.employmentRecord.create({ data: { practitionerId: person.id, organizationId: agencyId, from, to } });
  await tx.user.update({ where: { id: userId }, data: { personPractitionerId: person.id } });
  return person;
}

/** A contract of `agencyId` (with its SELECTED call and proposal), running from 200 days ago for a year, promised from a budget line of its own. */
export async function newContract(tx: TTx, agencyId: string, tag: string) {
  // The call lies in the agency's own district (specs give theirs a district of its own, so counts elsewhere hold).
  const { region: district } = await tx.organization.findUniqueOrThrow({ where: { id: agencyId }, select: { region: { select: { id: true, path: true } } } });
  const fund = await tx.fund.create({ data: { year: 2099, name: `评估测试资金${tag}` } });
  const line = await tx.budgetLine.create({ data: { fundId: fund.id, kind: "PURCHASED_SERVICES", name: `购买服务${tag}`, amountFen: 100_000_000n } });
  const now = Date.now();
  const day = (offset: number) => new Date(Math.floor(now / 86_400_000 + offset) * 86_400_000);
  const contract = await insertContract(
    tx,
    { reference: `HT-2099-${tag}`, callReference: `FW-2099-P${tag}`, title: `评估项目${tag}`, type: "COMMUNITY", practiceField: "CIVIL_AFFAIRS", regionId: district.id, regionPath: district.path, departmentId: null, organizationId: agencyId, budgetLineId: line.id, valueFen: 1_000_000n, termStart: day(-200), termEnd: day(165), minQualifiedStaff: 0, minQualifiedPercent: 0, staff: [], milestones: [], actorId: null },
    async () => undefined,
  );
  return { id: contract.id, reference: `HT-2099-${tag}`, title: `评估项目${tag}` };
}

/**
 * A published call taking proposals (OPEN, deadline in ten days) in `district` (default: the demo city's first district),
 * for checking an agency's eligibility: at least one qualified social worker named, and a minimum
 * rating when `minRating` is given.
 */
export async function newOpenCall(tx: TTx, tag: string, extra: { minRating?: "A1" | "A2" | "A3" | "A4" | "A5"; minQualifiedStaff?: number; district?: { id: string; path: string } } = {}) {
  const district = extra.district ?? (await tx.region.findUniqueOrThrow({ where: { code: "990101" }, select: { id: true, path: true } }));
  const now = Date.now();
  const dayFrom = (offset: number) => new Date(Math.floor(now / 86_400_000 + offset) * 86_400_000);
  return tx.serviceCall.create({
    data: {
      reference: `FW-2099-Q${tag}`,
      title: `下一期征集${tag}`,
      description: "面向社区提供专业社会工作服务。",
      type: "COMMUNITY",
      practiceField: "CIVIL_AFFAIRS",
      targetGroups: [],
      regionId: district.id,
      regionPath: district.path,
      budgetFen: 30_000_000n,
      termStart: dayFrom(40),
      termEnd: dayFrom(400),
      minQualifiedStaff: extra.minQualifiedStaff ?? 1,
      minQualifiedPercent: 0,
      minRating: extra.minRating ?? null,
      deadline: new Date(now + 10 * 86_400_000),
      status: "OPEN",
      publishedAt: new Date(now - 86_400_000),
      criteria: { create: [{ number: 1, name: "服务方案", weight: 60 }, { number: 2, name: "团队配置", weight: 40 }] },
    },
    select: { id: true, reference: true, title: true },
  });
}

/**
 * A month long past in which no milestone was accepted (nor, so far, anything else a spot check
 * draws from): a year in 1901–1998 and a month other than March (e2e/spot-checks.spec.ts's), tried
 * until the month is empty. Returns its first and last days as YYYY-MM-DD.
 */
export async function unusedPastMonth(tx: TTx) {
  for (;;) {
    const year = 1901 + Math.floor(Math.random() * 98);
    const month = 4 + Math.floor(Math.random() * 8); // April–November
    const first = new Date(Date.UTC(year, month - 1, 1));
    const next = new Date(Date.UTC(year, month, 1));
    const city = 8 * 3_600_000;
    const taken = await tx.milestone.count({ where: { decidedAt: { gte: new Date(first.getTime() - city), lt: new Date(next.getTime() - city) } } });
    if (taken === 0) {
      const last = new Date(next.getTime() - 86_400_000);
      return { year, month, start: first.toISOString().slice(0, 10), end: last.toISOString().slice(0, 10) };
    }
  }
}

/**
 * A contract of `agencyId` in `period` (from unusedPastMonth) with `count` milestones accepted on
 * days inside it (two days after their due dates) and one still pending, its value promised from a
 * budget line of its own. Returns the accepted milestones' ids.
 */
export async function newAcceptedMilestones(tx: TTx, agencyId: string, tag: string, period: { year: number; month: number }, count: number) {
  const { region: district } = await tx.organization.findUniqueOrThrow({ where: { id: agencyId }, select: { region: { select: { id: true, path: true } } } });
  const d = (dayOfMonth: number) => new Date(Date.UTC(period.year, period.month - 1, dayOfMonth));
  const fund = await tx.fund.create({ data: { year: period.year, name: `抽查资金${tag}` } });
  const line = await tx.budgetLine.create({ data: { fundId: fund.id, kind: "PURCHASED_SERVICES", name: `抽查购买服务${tag}`, amountFen: 100_000_000n } });
  const valueFen = BigInt(count + 1) * 1_000_000n;
  const contract = await insertContract(
    tx,
    {
      reference: `HT-${period.year}-S${tag}`,
      callReference: `FW-${period.year}-S${tag}`,
      title: `抽查项目${tag}`,
      type: "COMMUNITY",
      practiceField: "CIVIL_AFFAIRS",
      regionId: district.id,
      regionPath: district.path,
      departmentId: null,
      organizationId: agencyId,
      budgetLineId: line.id,
      valueFen,
      termStart: d(1),
      termEnd: new Date(Date.UTC(period.year, 11, 31)),
      minQualifiedStaff: 0,
      minQualifiedPercent: 0,
      staff: [],
      milestones: [
        // Due on the 1st, 4th, 7th… (accepted two days later: inside the month for up to eight).
        ...Array.from({ length: count }, (_, i) => ({ title: `阶段${i + 1}`, deliverable: "服务记录", dueDate: d(1 + 3 * i), amountFen: 1_000_000n, status: "ACCEPTED" as const })),
        { title: "结项", deliverable: "结项报告", dueDate: d(27), amountFen: 1_000_000n, status: "PENDING" as const },
      ],
      actorId: null,
    },
    (id) => commitEntry(tx, line.id, id, valueFen, "e2e"),
  );
  return { id: contract.id, reference: `HT-${period.year}-S${tag}`, accepted: contract.milestones.filter((m) => m.status === "ACCEPTED").map((m) => m.id) };
}
