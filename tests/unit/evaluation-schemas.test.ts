import { describe, expect, it } from "vitest";
import { assignFormInput, parseEvaluationListFilter, rubricFormInput, sheetFormInput, ZAssignEvaluation, ZDeclareRecusal, ZLinkPerson, ZRubricVersion, ZScoreSheet } from "@/domain/evaluations/schemas";
import { validIdNumber } from "@/server/seed/id-numbers";

const messages = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) => (r.error?.issues ?? []).map((i) => `${i.path.join(".")}:${i.message}`);

describe("rubric version", () => {
  const criteria = (...weights: string[]) => weights.map((w, i) => ({ name: `指标${i}`, weight: w, descriptor: "说明" }));
  it("accepts weights adding up to 100", () => {
    const r = ZRubricVersion.safeParse({ kind: "PROJECT_FINAL", basedOn: "2", name: "结项", criteria: criteria("40", "35", "25") });
    expect(r.success).toBe(true);
    expect(r.data?.criteria.map((c) => c.weight)).toEqual([40, 35, 25]);
    expect(r.data?.basedOn).toBe(2);
  });
  it("refuses weights that do not add up to 100, no criteria, and a non-integer weight", () => {
    expect(messages(ZRubricVersion.safeParse({ kind: "PROJECT_FINAL", basedOn: "0", name: "x", criteria: criteria("40", "35") }))).toEqual(["criteria:evaluations.validation.weightsSum"]);
    expect(messages(ZRubricVersion.safeParse({ kind: "PROJECT_FINAL", basedOn: "0", name: "x", criteria: [] }))).toEqual(["criteria:evaluations.validation.criteriaRequired"]);
    expect(messages(ZRubricVersion.safeParse({ kind: "PROJECT_FINAL", basedOn: "0", name: "x", criteria: criteria("50.5", "49.5") }))).toContain("criteria.0.weight:evaluations.validation.scoreInteger");
  });
  it("gathers the form's rows in order", () => {
    const f = new FormData();
    f.set("kind", "AGENCY_GRADING");
    f.set("basedOn", "1");
    f.set("name", "n");
    f.set("criteria.1.name", "B");
    f.set("criteria.0.name", "A");
    f.set("criteria.0.weight", "60");
    f.set("criteria.1.weight", "40");
    expect(rubricFormInput(f).criteria.map((c) => c.name)).toEqual(["A", "B"]);
  });
});

describe("scoring sheet", () => {
  const parse = (intent: string, score: Record<string, string>) => ZScoreSheet.safeParse({ evaluationId: "e1", intent, score });
  it("reads whole numbers 0–100, a blank as not scored", () => {
    const r = parse("save", { a: "0", b: "100", c: " " });
    expect(r.data?.score).toEqual({ a: 0, b: 100, c: null });
  });
  it("refuses scores above 100, negative, or not whole", () => {
    expect(messages(parse("submit", { a: "101" }))).toEqual(["score.a:evaluations.validation.scoreRange"]);
    expect(messages(parse("submit", { a: "-1" }))).toEqual(["score.a:evaluations.validation.scoreInteger"]);
    expect(messages(parse("submit", { a: "7.5" }))).toEqual(["score.a:evaluations.validation.scoreInteger"]);
    expect(parse("publish", { a: "1" }).success).toBe(false);
  });
  it("gathers score.<criterion> fields", () => {
    const f = new FormData();
    f.set("evaluationId", "e1");
    f.set("intent", "submit");
    f.set("score.k1", "80");
    f.set("other", "x");
    expect(sheetFormInput(f)).toEqual({ evaluationId: "e1", intent: "submit", score: { k1: "80" } });
  });
});

describe("assignment", () => {
  const base = { bodyId: "b1", year: "2026", dueDate: "2027-01-31", scorerIds: ["u1", "u2", "u3"] };
  it("needs each kind's target", () => {
    expect(messages(ZAssignEvaluation.safeParse({ ...base, kind: "PROJECT_FINAL" }))).toEqual(["contractId:evaluations.validation.contractRequired"]);
    expect(messages(ZAssignEvaluation.safeParse({ ...base, kind: "AGENCY_GRADING" }))).toEqual(["organizationId:evaluations.validation.agencyRequired"]);
    expect(messages(ZAssignEvaluation.safeParse({ ...base, kind: "PERSONAL_APPRAISAL", practitionerIdNumber: "123" }))).toEqual([
      "practitionerIdNumber:evaluations.validation.idNumber",
      "track:evaluations.validation.trackRequired",
    ]);
    expect(ZAssignEvaluation.safeParse({ ...base, kind: "PERSONAL_APPRAISAL", practitionerIdNumber: validIdNumber(), track: "FRONTLINE" }).success).toBe(true);
  });
  it("needs scorers and a real day", () => {
    expect(messages(ZAssignEvaluation.safeParse({ ...base, kind: "AGENCY_GRADING", organizationId: "a1", scorerIds: [], dueDate: "2027-02-30" }))).toEqual(["dueDate:date", "scorerIds:evaluations.validation.scorersRequired"]);
  });
  it("gathers the checked scorers", () => {
    const f = new FormData();
    f.set("kind", "AGENCY_GRADING");
    f.append("scorerIds", "u1");
    f.append("scorerIds", "u2");
    expect(assignFormInput(f)).toMatchObject({ kind: "AGENCY_GRADING", scorerIds: ["u1", "u2"] });
  });
});

describe("declaration, link and list filter", () => {
  it("a declared conflict needs its note", () => {
    expect(messages(ZDeclareRecusal.safeParse({ evaluationId: "e1", note: "  " }))).toEqual(["note:evaluations.validation.noteRequired"]);
  });
  it("a link takes a valid ID number, or blank to unlink", () => {
    expect(ZLinkPerson.parse({ userId: "u1", idNumber: "" }).idNumber).toBeNull();
    expect(ZLinkPerson.safeParse({ userId: "u1", idNumber: "110101199001011234" }).success).toBe(false);
    const id = validIdNumber();
    expect(ZLinkPerson.parse({ userId: "u1", idNumber: id.toLowerCase() }).idNumber).toBe(id.toUpperCase());
  });
  it("an evaluator's list shows what waits for their score unless asked for all", () => {
    expect(parseEvaluationListFilter({}, true).mine).toBe(true);
    expect(parseEvaluationListFilter({ waiting: "0" }, true).mine).toBe(false);
    expect(parseEvaluationListFilter({}, false).mine).toBe(false);
    expect(parseEvaluationListFilter({ status: "SCORED", kind: "NOPE" }, false)).toEqual({ status: "SCORED", kind: null, mine: false });
  });
});
