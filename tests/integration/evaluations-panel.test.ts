import { beforeAll, describe, expect, it } from "vitest";
import { as, codeOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { insertContract } from "@/server/seed/demo-contracts";
import { addScorer, assignEvaluation, createRubricVersion, declareRecusal, linkPersonPractitioner, retireRubric, saveSheet } from "@/server/evaluations/mutations";
import { getEvaluation, listEvaluations } from "@/server/evaluations/queries";
import { ZAssignEvaluation, ZRubricVersion, ZScoreSheet } from "@/domain/evaluations/schemas";
import { todayInCity } from "@/domain/common/calendar-day";
import { idNumberLookupHash } from "@/lib/id-crypto";
import { randomIdNumber } from "@/server/seed/id-numbers";

// Part A of issue 14: rubrics, the city's assignment, the panel with automatic (employment) and
// declared recusal, the hidden scoring sheets, SCORED with the result on the last submission, and
// the scope (another body's evaluator gets nothing).

type TUser = Awaited<ReturnType<typeof makeUser>>;
const DAY = 86_400_000;
const today = todayInCity();
const at = (offset: number) => new Date(today.getTime() + offset * DAY);
const years = (n: number) => new Date(Date.UTC(today.getUTCFullYear() - n, today.getUTCMonth(), today.getUTCDate()));

let city: TUser, agencyAdmin: TUser, otherEvaluator: TUser;
const evaluators: TUser[] = [];
let body: { id: string }, otherBody: { id: string }, agency: { id: string }, otherAgency: { id: string };
let contractId: string;
let criteria: { id: string; weight: number }[];
let formerStaff: { id: string }, oldStaff: { id: string };
const ID_KEY = "integration-test-id-key-integration-test";

/** The schema's output from a form-like object (what the action pipeline hands the server). */
const assignInput = (over: Record<string, unknown> = {}) =>
  ZAssignEvaluation.parse({ kind: "AGENCY_GRADING", bodyId: body.id, organizationId: agency.id, year: "2026", dueDate: "2027-01-31", scorerIds: evaluators.slice(0, 3).map((e) => e.id), ...over });
const sheet = (evaluationId: string, intent: "save" | "submit", scores: (number | string)[]) =>
  ZScoreSheet.parse({ evaluationId, intent, score: Object.fromEntries(criteria.map((c, i) => [c.id, String(scores[i] ?? "")])) });

beforeAll(async () => {
  const c = await makeRegion(prisma, { level: "CITY" });
  const district = await makeRegion(prisma, { level: "DISTRICT", parent: c });
  body = await makeOrganization(prisma, { kind: "EVALUATION_BODY", regionId: c.id, name: "评估中心" });
  otherBody = await makeOrganization(prisma, { kind: "EVALUATION_BODY", regionId: c.id, name: "另一评估中心" });
  agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id, name: "被评估机构" });
  otherAgency = await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id, name: "其他机构" });
  city = await makeUser(prisma, { role: "CITY_ADMIN" });
  agencyAdmin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agency.id });
  for (let i = 0; i < 5; i++) evaluators.push(await makeUser(prisma, { role: "EVALUATOR", organizationId: body.id, name: `评估员${i}` }));
  otherEvaluator = await makeUser(prisma, { role: "EVALUATOR", organizationId: otherBody.id });
  // Evaluator 3 worked for the agency until a year ago; evaluator 4 until four years ago.
  formerStaff = await makePractitioner(prisma, { organizationId: otherAgency.id });
  oldStaff = await makePractitioner(prisma, { organizationId: otherAgency.id });
  await prisma.employmentRecord.create({ data: { practitionerId: formerStaff.id, organizationId: agency.id, from: years(5), to: years(1) } });
  await prisma.employmentRecord.create({ data: { practitionerId: oldStaff.id, organizationId: agency.id, from: years(8), to: years(4) } });
  await prisma.user.update({ where: { id: evaluators[3]!.id }, data: { personPractitionerId: formerStaff.id } });
  await prisma.user.update({ where: { id: evaluators[4]!.id }, data: { personPractitionerId: oldStaff.id } });
  const fund = await prisma.fund.create({ data: { year: 2026, name: "专项资金" } });
  const line = await prisma.budgetLine.create({ data: { fundId: fund.id, kind: "PURCHASED_SERVICES", name: "购买服务", amountFen: 100_000_000n } });
  contractId = (
    await insertContract(
      prisma as never,
      { reference: "HT-2026-0901", callReference: "FW-2026-0901", title: "社区项目", type: "COMMUNITY", practiceField: "CIVIL_AFFAIRS", regionId: district.id, regionPath: district.path, departmentId: null, organizationId: agency.id, budgetLineId: line.id, valueFen: 1_000_000n, termStart: at(-200), termEnd: at(100), minQualifiedStaff: 0, minQualifiedPercent: 0, staff: [], milestones: [], actorId: null },
      async () => undefined,
    )
  ).id;
  await as(city);
  for (const kind of ["AGENCY_GRADING", "PROJECT_FINAL"] as const) {
    await createRubricVersion(
      ZRubricVersion.parse({ kind, basedOn: "0", name: `${kind}指标`, criteria: [
        { name: "治理", weight: "50", descriptor: "治理结构" },
        { name: "服务", weight: "30", descriptor: "服务成效" },
        { name: "财务", weight: "20", descriptor: "财务规范" },
      ] }),
    );
  }
  const rubric = await prisma.rubric.findFirstOrThrow({ where: { kind: "AGENCY_GRADING" }, select: { criteria: { orderBy: { number: "asc" }, select: { id: true, weight: true } } } });
  criteria = rubric.criteria;
});

describe("rubrics", () => {
  it("refuses weights that do not add up to 100 in the schema", () => {
    const r = ZRubricVersion.safeParse({ kind: "AGENCY_GRADING", basedOn: "1", name: "x", criteria: [{ name: "a", weight: "60", descriptor: "d" }, { name: "b", weight: "30", descriptor: "d" }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain("evaluations.validation.weightsSum");
  });

  it("versions a kind's rubric, refuses a stale form, and retiring makes the previous version current", async () => {
    await as(city);
    const input = (basedOn: string) => ZRubricVersion.parse({ kind: "PERSONAL_APPRAISAL", basedOn, name: "考核", criteria: [{ name: "业绩", weight: "100", descriptor: "年度业绩" }] });
    const v1 = await createRubricVersion(input("0"));
    const v2 = await createRubricVersion(input("1"));
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(await codeOf(createRubricVersion(input("1")))).toBe("stale");
    expect(await prisma.rubric.count({ where: { kind: "PERSONAL_APPRAISAL" } })).toBe(2);
    await retireRubric({ rubricId: v2.id });
    const current = await prisma.rubric.findFirst({ where: { kind: "PERSONAL_APPRAISAL", retiredAt: null }, orderBy: { version: "desc" } });
    expect(current?.id).toBe(v1.id);
    await as(agencyAdmin);
    expect(await codeOf(createRubricVersion(input("2")))).toMatch(/^authz:/);
  });
});

describe("assignment and recusal", () => {
  it("refuses a scorer of another body, or not an evaluator, with nothing written", async () => {
    await as(city);
    const before = await prisma.evaluation.count();
    expect(await codeOf(assignEvaluation(assignInput({ scorerIds: [evaluators[0]!.id, evaluators[1]!.id, otherEvaluator.id] })))).toBe("evaluations.validation.scorerNotOfBody@scorerIds");
    expect(await codeOf(assignEvaluation(assignInput({ scorerIds: [evaluators[0]!.id, city.id] })))).toBe("evaluations.validation.scorerNotOfBody@scorerIds");
    expect(await prisma.evaluation.count()).toBe(before);
    expect(await prisma.evaluationScorer.count({ where: { userId: otherEvaluator.id } })).toBe(0);
  });

  it("recuses automatically a scorer who worked for the agency within recusalYears, not one who left earlier; the panel is ASSIGNED below the minimum", async () => {
    await as(city);
    const e = await assignEvaluation(assignInput({ scorerIds: [evaluators[0]!.id, evaluators[3]!.id, evaluators[4]!.id] }));
    expect(e.reference).toMatch(/^PG-\d{4}-\d{4}$/);
    const scorers = await prisma.evaluationScorer.findMany({ where: { evaluationId: e.id }, select: { userId: true, recusalReason: true, recusedAt: true } });
    expect(scorers.find((s) => s.userId === evaluators[3]!.id)?.recusalReason).toBe("EMPLOYMENT");
    expect(scorers.find((s) => s.userId === evaluators[4]!.id)?.recusedAt).toBeNull();
    expect(e.status).toBe("ASSIGNED");
    // The notification went to the two who may score, not to the recused one.
    const notified = await prisma.notification.findMany({ where: { kind: "evaluationAssigned", href: `/evaluations/${e.id}` }, select: { userId: true } });
    expect(notified.map((n) => n.userId).sort()).toEqual([evaluators[0]!.id, evaluators[4]!.id].sort());
    // A third scorer of the body starts the scoring; a stale version is refused.
    const fresh = await prisma.evaluation.findUniqueOrThrow({ where: { id: e.id }, select: { version: true } });
    expect(await codeOf(addScorer({ evaluationId: e.id, version: fresh.version - 1, userId: evaluators[1]!.id }))).toBe("stale");
    expect(await codeOf(addScorer({ evaluationId: e.id, version: fresh.version, userId: otherEvaluator.id }))).toBe("evaluations.validation.scorerNotOfBody@userId");
    await addScorer({ evaluationId: e.id, version: fresh.version, userId: evaluators[1]!.id });
    expect((await prisma.evaluation.findUniqueOrThrow({ where: { id: e.id } })).status).toBe("SCORING");
  });

  it("a project's recusal reads the contract's agency", async () => {
    await as(city);
    const e = await assignEvaluation(assignInput({ kind: "PROJECT_FINAL", contractId, organizationId: "", scorerIds: [evaluators[0]!.id, evaluators[1]!.id, evaluators[2]!.id, evaluators[3]!.id] }));
    expect(e.status).toBe("SCORING");
    const row = await prisma.evaluation.findUniqueOrThrow({ where: { id: e.id }, select: { organizationId: true, contractId: true } });
    expect(row).toEqual({ organizationId: agency.id, contractId });
    expect(await prisma.evaluationScorer.count({ where: { evaluationId: e.id, recusalReason: "EMPLOYMENT" } })).toBe(1);
  });

  it("a declared conflict recuses the scorer (note required) and drops the panel back to ASSIGNED", async () => {
    await as(city);
    const e = await assignEvaluation(assignInput());
    expect(e.status).toBe("SCORING");
    await as(evaluators[2]!);
    await declareRecusal({ evaluationId: e.id, note: "曾为该机构提供咨询" });
    const seat = await prisma.evaluationScorer.findFirstOrThrow({ where: { evaluationId: e.id, userId: evaluators[2]!.id } });
    expect(seat.recusalReason).toBe("DECLARED");
    expect(seat.recusalNote).toBe("曾为该机构提供咨询");
    expect((await prisma.evaluation.findUniqueOrThrow({ where: { id: e.id } })).status).toBe("ASSIGNED");
    // A recused scorer scores nothing.
    expect(await codeOf(saveSheet(sheet(e.id, "submit", [80, 80, 80])))).toBe("evaluations.errors.recused");
    expect(await prisma.evaluationScore.count({ where: { scorerId: seat.id } })).toBe(0);
  });

  it("links an evaluator to their register entry by ID number; other roles are refused", async () => {
    const idNumber = randomIdNumber();
    const person = await makePractitioner(prisma, { idNumberHash: idNumberLookupHash(ID_KEY, idNumber) });
    await as(city);
    await linkPersonPractitioner({ userId: evaluators[2]!.id, idNumber });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: evaluators[2]!.id } })).personPractitionerId).toBe(person.id);
    expect(await codeOf(linkPersonPractitioner({ userId: agencyAdmin.id, idNumber }))).toBe("evaluations.errors.userNotEvaluator");
    await linkPersonPractitioner({ userId: evaluators[2]!.id, idNumber: null });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: evaluators[2]!.id } })).personPractitionerId).toBeNull();
  });
});

describe("scoring", () => {
  it("refuses bad scores with nothing written, hides sheets until all are in, and computes the result on the last submission", async () => {
    await as(city);
    const e = await assignEvaluation(assignInput());
    const [a, b, c] = evaluators;

    // Out of range, non-integer, missing: refused; nothing written.
    expect(ZScoreSheet.safeParse({ evaluationId: e.id, intent: "save", score: { [criteria[0]!.id]: "101" } }).success).toBe(false);
    expect(ZScoreSheet.safeParse({ evaluationId: e.id, intent: "save", score: { [criteria[0]!.id]: "8.5" } }).success).toBe(false);
    await as(a!);
    expect(await codeOf(saveSheet(sheet(e.id, "submit", [90, 80])))).toBe(`evaluations.validation.scoreMissing@score.${criteria[2]!.id}`);
    expect(await codeOf(saveSheet({ evaluationId: e.id, intent: "save", score: { [criteria[0]!.id]: 150 } }))).toBe(`evaluations.validation.scoreRange@score.${criteria[0]!.id}`);
    expect(await prisma.evaluationScore.count({ where: { scorer: { evaluationId: e.id } } })).toBe(0);

    // A draft, then the submission.
    await saveSheet(sheet(e.id, "save", [90, 80]));
    expect((await getEvaluation(await as(a!), e.id))?.mySheet?.size).toBe(2);
    await saveSheet(sheet(e.id, "submit", [90, 80, 70])); // 45 + 24 + 14 = 83.00
    expect(await codeOf(saveSheet(sheet(e.id, "submit", [10, 10, 10])))).toBe("evaluations.errors.alreadySubmitted");
    await as(b!);
    await saveSheet(sheet(e.id, "submit", [100, 90, 80])); // 50 + 27 + 16 = 93.00

    // Hidden from one another: b reads only b's sheet; the city reads who submitted, not what.
    const seenByB = await getEvaluation(await as(b!), e.id);
    expect(seenByB?.sheets).toBeNull();
    expect([...(seenByB?.mySheet?.values() ?? [])]).toEqual([100, 90, 80]);
    const seenByCity = await getEvaluation(await as(city), e.id);
    expect(seenByCity?.sheets).toBeNull();
    expect(seenByCity?.mySheet).toBeNull();
    expect(seenByCity?.scorers.filter((s) => s.submittedAt).length).toBe(2);
    expect((await prisma.evaluation.findUniqueOrThrow({ where: { id: e.id } })).status).toBe("SCORING");

    // The last sheet settles the panel: mean 81.07 (243.20 / 3, half up), spread 25.80, 良好.
    await as(c!);
    await saveSheet(sheet(e.id, "submit", [60, 70, 81])); // 30 + 21 + 16.2 = 67.20
    const done = await prisma.evaluation.findUniqueOrThrow({ where: { id: e.id } });
    expect(done.status).toBe("SCORED");
    expect(done.scoreHundredths).toBe(8107);
    expect(done.spreadHundredths).toBe(2580);
    expect(done.grade).toBe("GOOD");
    const revealed = await getEvaluation(await as(city), e.id);
    expect(revealed?.sheets?.map((s) => s.total).sort()).toEqual([6720, 8300, 9300]);
    // After SCORED nothing changes on the panel.
    await as(evaluators[4]!);
    expect(await codeOf(declareRecusal({ evaluationId: e.id, note: "x" }))).toBe("evaluations.errors.notOnPanel");
    await as(city);
    expect(await codeOf(addScorer({ evaluationId: e.id, version: done.version, userId: evaluators[4]!.id }))).toBe("evaluations.errors.panelClosed");
  });
});

describe("scope", () => {
  it("an evaluator of another body gets nothing; a scorer not on the panel cannot score", async () => {
    await as(city);
    const e = await assignEvaluation(assignInput());
    const outsider = await as(otherEvaluator);
    expect(await getEvaluation(outsider, e.id)).toBeNull();
    expect((await listEvaluations(outsider, { status: null, kind: null, mine: false }, 1)).items.find((x) => x.id === e.id)).toBeUndefined();
    expect(await codeOf(saveSheet(sheet(e.id, "save", [50])))).toBe("evaluations.errors.notFound");
    // The body's evaluator not on the panel sees it but cannot score it; "waiting for my score" lists only seats.
    const idle = await as(evaluators[4]!);
    expect(await getEvaluation(idle, e.id)).not.toBeNull();
    expect(await codeOf(saveSheet(sheet(e.id, "save", [50])))).toBe("evaluations.errors.notOnPanel");
    expect((await listEvaluations(idle, { status: null, kind: null, mine: true }, 1)).items.find((x) => x.id === e.id)).toBeUndefined();
    const seated = await as(evaluators[0]!);
    expect((await listEvaluations(seated, { status: null, kind: null, mine: true }, 1)).items.find((x) => x.id === e.id)).toBeDefined();
    // The evaluated agency reads it, but not who sits on the panel.
    const seenByAgency = await getEvaluation(await as(agencyAdmin), e.id);
    expect(seenByAgency?.reference).toBe(e.reference);
    expect(seenByAgency?.scorers).toEqual([]);
    expect(seenByAgency?.access.panel).toBe(false);
  });
});
