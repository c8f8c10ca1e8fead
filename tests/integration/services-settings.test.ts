import { beforeAll, describe, expect, it, vi } from "vitest";

// The city's evaluation and purchased-services settings (PlanTarget) against PostgreSQL: the first
// save creates the row, a save is audited, a stale form and other roles are refused, bad input
// (through the real action pipeline) writes nothing, and a changed setting is what the next
// computation reads — the bands at the next SCORED, the panel's minimum, the spot-check share and
// the disbursement threshold — while a grade already stored keeps its own.

const next = vi.hoisted(() => ({ revalidated: [] as string[] }));
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => void next.revalidated.push(path) }));

import { as, codeOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makeRegion, makeUser } from "@/server/seed/factories";
import { updateServicesSettings } from "@/server/plan/mutations";
import { getServicesSettings, getServicesSettingsForEdit } from "@/server/plan/services-settings";
import { updateServicesSettingsAction } from "@/features/services-dashboard/actions";
import { assignEvaluation, createRubricVersion, saveSheet } from "@/server/evaluations/mutations";
import { spotCheckPercentSetting } from "@/server/spot-checks/draws";
import { approvalThresholdFen } from "@/server/contracts/disbursements";
import { failedEvaluationBarDays } from "@/server/service-calls/eligibility";
import { DEFAULT_SERVICES_SETTINGS, ZServicesSettings } from "@/domain/plan/services-settings";
import { ZAssignEvaluation, ZRubricVersion, ZScoreSheet } from "@/domain/evaluations/schemas";
import { fenToYuanInput } from "@/lib/money";

type TUser = Awaited<ReturnType<typeof makeUser>>;
let city: TUser, officer: TUser, agencyAdmin: TUser;
const evaluators: TUser[] = [];
let body: { id: string }, agency: { id: string };
let criteria: { id: string }[];

/** What the form posts: the defaults, with changes. */
const posted = (version: number, over: Record<string, string> = {}): Record<string, string> => {
  const { disbursementApprovalFen, ...numbers } = DEFAULT_SERVICES_SETTINGS;
  return { ...Object.fromEntries(Object.entries(numbers).map(([k, v]) => [k, String(v)])), disbursementApprovalYuan: fenToYuanInput(disbursementApprovalFen), version: String(version), ...over };
};
const input = (version: number, over: Record<string, string> = {}) => ZServicesSettings.parse(posted(version, over));
const formData = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};
const row = () => prisma.planTarget.findUnique({ where: { id: "city" } });
const audits = () => prisma.auditEvent.count({ where: { action: "plan.updateServicesSettings", outcome: "SUCCESS" } });
const versionNow = async () => (await prisma.planTarget.findUniqueOrThrow({ where: { id: "city" }, select: { version: true } })).version;

beforeAll(async () => {
  const c = await makeRegion(prisma, { level: "CITY" });
  const district = await makeRegion(prisma, { level: "DISTRICT", parent: c });
  body = await makeOrganization(prisma, { kind: "EVALUATION_BODY", regionId: c.id, name: "设置评估中心" });
  agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id, name: "设置社工中心" });
  city = await makeUser(prisma, { role: "CITY_ADMIN" });
  officer = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: district.id });
  agencyAdmin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agency.id });
  for (let i = 0; i < 2; i++) evaluators.push(await makeUser(prisma, { role: "EVALUATOR", organizationId: body.id, name: `设置评估员${i}` }));
  await as(city);
  await createRubricVersion(ZRubricVersion.parse({ kind: "AGENCY_GRADING", basedOn: "0", name: "等级评估指标", criteria: [{ name: "治理", weight: "50", descriptor: "治理结构" }, { name: "服务", weight: "50", descriptor: "服务成效" }] }));
  criteria = (await prisma.rubric.findFirstOrThrow({ where: { kind: "AGENCY_GRADING" }, select: { criteria: { orderBy: { number: "asc" }, select: { id: true } } } })).criteria;
  // The first save creates the row: start without it.
  await prisma.planTarget.deleteMany();
});

describe("evaluation and purchased-services settings", () => {
  it("the first save creates the row with the defaults elsewhere; the save is audited, the threshold in fen", async () => {
    expect(await getServicesSettingsForEdit()).toEqual({ ...DEFAULT_SERVICES_SETTINGS, version: 0 });
    await as(city);
    await updateServicesSettings(input(0, { gradeExcellentMin: "95", gradeGoodMin: "85", gradePassMin: "70", evaluationMinScorers: "2", appealWorkingDays: "5", spotCheckPercent: "40", failedEvaluationBarDays: "730", disbursementApprovalYuan: "50,000.50" }));
    const saved = await row();
    expect(saved).toMatchObject({ version: 1, startValue: 40, yearlyTarget: 50, supervisorMaxSupervisees: expect.any(Number) });
    expect(await getServicesSettings()).toEqual({ ...DEFAULT_SERVICES_SETTINGS, gradeExcellentMin: 95, gradeGoodMin: 85, gradePassMin: 70, evaluationMinScorers: 2, appealWorkingDays: 5, spotCheckPercent: 40, failedEvaluationBarDays: 730, disbursementApprovalFen: 5_000_050n });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "plan.updateServicesSettings", outcome: "SUCCESS" }, select: { actorId: true, entity: true, before: true, after: true } });
    expect(audit).toMatchObject({ actorId: city.id, entity: "PlanTarget" });
    expect(audit.before).toMatchObject({ gradeExcellentMin: 90, disbursementApprovalFen: "10000000" });
    expect(audit.after).toMatchObject({ gradeExcellentMin: 95, appealWorkingDays: 5, disbursementApprovalFen: "5000050" });
  });

  it("refuses a stale form and every role but the city administrator; nothing is written", async () => {
    const before = await row();
    const count = await audits();
    await as(city);
    expect(await codeOf(updateServicesSettings(input(0)))).toBe("stale");
    expect(await codeOf(updateServicesSettings(input(before!.version + 1)))).toBe("stale");
    for (const who of [officer, agencyAdmin, evaluators[0]!]) {
      await as(who);
      expect(await codeOf(updateServicesSettings(input(before!.version)))).toBe("authz:forbidden");
    }
    expect(await row()).toEqual(before);
    expect(await audits()).toBe(count);
  });

  it("bad input through the action is refused field by field, and writes nothing", async () => {
    const before = await row();
    const count = await audits();
    await as(city);
    next.revalidated.length = 0;
    const state = await updateServicesSettingsAction({ ok: false }, formData(posted(before!.version, { gradeGoodMin: "96", rating3AMin: "85", appealWorkingDays: "61", disbursementApprovalYuan: "abc" })));
    expect(state).toMatchObject({
      ok: false,
      fieldErrors: {
        gradeGoodMin: "servicesSettings.validation.belowExcellent",
        rating3AMin: "servicesSettings.validation.below4A",
        appealWorkingDays: "settingRange",
        disbursementApprovalYuan: "servicesSettings.validation.amount",
      },
      values: { gradeGoodMin: "96" },
    });
    expect(next.revalidated).toEqual([]);
    expect(await row()).toEqual(before);
    expect(await audits()).toBe(count);
    // The same form, put right, saves.
    const ok = await updateServicesSettingsAction({ ok: false }, formData(posted(before!.version, { gradeExcellentMin: "95", gradeGoodMin: "85", gradePassMin: "70", evaluationMinScorers: "2", appealWorkingDays: "5", spotCheckPercent: "40", failedEvaluationBarDays: "730", disbursementApprovalYuan: "50000.50" })));
    expect(ok).toMatchObject({ ok: true, message: "saved" });
    expect(next.revalidated).toContain("/dashboard/services");
    expect(await versionNow()).toBe(before!.version + 1);
    expect(await audits()).toBe(count + 1);
  });

  it("a changed setting is what the next computation reads; a grade on record keeps its own", async () => {
    // The readers where the settings apply.
    expect(await spotCheckPercentSetting()).toBe(40);
    expect(await approvalThresholdFen()).toBe(5_000_050n);
    expect(await failedEvaluationBarDays(prisma)).toBe(730);

    // Two scorers are enough now (the default needs three); their mean of 83.00 is "pass" under 95/85/70 ("good" by default).
    await as(city);
    const e = await assignEvaluation(ZAssignEvaluation.parse({ kind: "AGENCY_GRADING", bodyId: body.id, organizationId: agency.id, year: "2026", dueDate: "2027-01-31", scorerIds: evaluators.map((x) => x.id) }));
    expect(e.status).toBe("SCORING");
    const sheet = (scores: number[]) => ZScoreSheet.parse({ evaluationId: e.id, intent: "submit", score: Object.fromEntries(criteria.map((c, i) => [c.id, String(scores[i])])) });
    await as(evaluators[0]!);
    await saveSheet(sheet([80, 84])); // 82.00
    await as(evaluators[1]!);
    await saveSheet(sheet([82, 86])); // 84.00
    const scored = await prisma.evaluation.findUniqueOrThrow({ where: { id: e.id }, select: { status: true, scoreHundredths: true, grade: true } });
    expect(scored).toEqual({ status: "SCORED", scoreHundredths: 8300, grade: "PASS" });

    // Back to the defaults: the stored grade stays; the next panel of two is short of the minimum again.
    await as(city);
    await updateServicesSettings(input(await versionNow()));
    expect(await getServicesSettings()).toEqual(DEFAULT_SERVICES_SETTINGS);
    expect((await prisma.evaluation.findUniqueOrThrow({ where: { id: e.id }, select: { grade: true } })).grade).toBe("PASS");
    const again = await assignEvaluation(ZAssignEvaluation.parse({ kind: "AGENCY_GRADING", bodyId: body.id, organizationId: agency.id, year: "2026", dueDate: "2027-01-31", scorerIds: evaluators.map((x) => x.id) }));
    expect(again.status).toBe("ASSIGNED");
    expect(await spotCheckPercentSetting()).toBe(30);
  });
});
