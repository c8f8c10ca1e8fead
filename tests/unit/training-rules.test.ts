import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  approvalCovers,
  audienceMisses,
  enrolmentSourceRef,
  formatTrainingReference,
  isCompleted,
  isCurrentApproval,
  nextUp,
  normaliseTrainingReference,
  parsePresent,
  placeFor,
  placesLeft,
  publishBlocker,
  sessionsNeeded,
  subsidyToCommit,
  trainingReferenceSequence,
  type TAudience,
  type TAudiencePerson,
} from "@/domain/trainings/rules";
import { ZAddSession, ZApproveProvider, ZCreateTraining, ZEnrol, ZHalfHours } from "@/domain/trainings/schemas";
import { AUDIENCE_DEPARTMENT_TYPES, ENROLMENT_STATUSES, TRAINING_KINDS, TRAINING_SCOPES, TRAINING_STATUSES } from "@/domain/trainings/enums";
import { monthBounds, parseTrainingListFilter } from "@/domain/trainings/list-filter";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("the programme's reference", () => {
  it("is PX-<year>-<sequence of at least four digits>", () => {
    expect(formatTrainingReference(2027, 7)).toBe("PX-2027-0007");
    expect(formatTrainingReference(2027, 12345)).toBe("PX-2027-12345");
    expect(trainingReferenceSequence("PX-2027-0007", 2027)).toBe(7);
    expect(trainingReferenceSequence("PX-2027-0007", 2026)).toBe(0);
  });
  it("is found however it is typed", () => {
    for (const typed of ["PX-2027-0007", "px 2027 7", "ＰＸ－２０２７－０００７", "PX20270007", "2027-0007", " px-2027-07 "]) expect(normaliseTrainingReference(typed), typed).toBe("PX-2027-0007");
    for (const bad of ["", "PX", "PX-2027-0000", "SA-2027-0007", "1927-7"]) expect(normaliseTrainingReference(bad), bad).toBeNull();
  });
});

describe("approvals", () => {
  const a = { scopes: ["THEORY", "PRACTICE"], validFrom: day("2027-01-01"), validTo: day("2027-12-31"), revokedAt: null };
  it("are in force within their period, both ends included, until revoked", () => {
    expect(isCurrentApproval(a, day("2027-01-01"))).toBe(true);
    expect(isCurrentApproval(a, day("2027-12-31"))).toBe(true);
    expect(isCurrentApproval(a, day("2028-01-01"))).toBe(false);
    expect(isCurrentApproval(a, day("2026-12-31"))).toBe(false);
    expect(isCurrentApproval({ ...a, revokedAt: new Date() }, day("2027-06-01"))).toBe(false);
  });
  it("cover only their scopes", () => {
    expect(approvalCovers([a], "PRACTICE", day("2027-06-01"))).toBe(true);
    expect(approvalCovers([a], "EXAM_PREPARATION", day("2027-06-01"))).toBe(false);
    expect(approvalCovers([a, { ...a, scopes: ["EXAM_PREPARATION"], validTo: day("2027-03-01") }], "EXAM_PREPARATION", day("2027-06-01"))).toBe(false);
    expect(approvalCovers([], "THEORY", day("2027-06-01"))).toBe(false);
  });
});

describe("the audience", () => {
  const anyone: TAudience = { departmentTypes: [], districtPaths: [], organizationKinds: [], levels: [] };
  const teacher: TAudiencePerson = { employerKind: "SCHOOL", employerDepartmentType: null, supervisingDepartmentType: "EDUCATION", regionPath: "/c/d1/s1/", qualificationLevel: "ASSISTANT_SOCIAL_WORKER" };
  it("empty lists let anyone in", () => {
    expect(audienceMisses(anyone, teacher)).toEqual([]);
  });
  it("a department type matches the employer's own or its supervising department's", () => {
    expect(audienceMisses({ ...anyone, departmentTypes: ["EDUCATION"] }, teacher)).toEqual([]);
    expect(audienceMisses({ ...anyone, departmentTypes: ["HEALTH"] }, teacher)).toEqual(["departmentTypes"]);
    expect(audienceMisses({ ...anyone, departmentTypes: ["HEALTH"] }, { ...teacher, employerKind: "GOVERNMENT_DEPARTMENT", employerDepartmentType: "HEALTH", supervisingDepartmentType: null })).toEqual([]);
  });
  it("districts, organisation kinds and levels each narrow it, and every miss is named", () => {
    expect(audienceMisses({ ...anyone, districtPaths: ["/c/d1/"] }, teacher)).toEqual([]);
    expect(audienceMisses({ ...anyone, districtPaths: ["/c/d2/"] }, teacher)).toEqual(["districts"]);
    expect(audienceMisses({ ...anyone, districtPaths: ["/c/d1/"] }, { ...teacher, regionPath: null })).toEqual(["districts"]);
    expect(audienceMisses({ departmentTypes: ["HEALTH"], districtPaths: ["/c/d2/"], organizationKinds: ["AGENCY"], levels: ["SOCIAL_WORKER"] }, teacher)).toEqual(["departmentTypes", "districts", "organizationKinds", "levels"]);
    expect(audienceMisses({ ...anyone, organizationKinds: ["SCHOOL", "AGENCY"], levels: ["ASSISTANT_SOCIAL_WORKER"] }, teacher)).toEqual([]);
  });
});

describe("places and the waiting list", () => {
  it("places go while there are some, then the waiting list grows in order", () => {
    expect(placeFor(0, 2, null)).toEqual({ status: "ENROLLED" });
    expect(placeFor(1, 2, null)).toEqual({ status: "ENROLLED" });
    expect(placeFor(2, 2, null)).toEqual({ status: "WAITLISTED", position: 1 });
    expect(placeFor(2, 2, 1)).toEqual({ status: "WAITLISTED", position: 2 });
    // Positions are never reused: after 3 left the list, the next is 6, not 4.
    expect(placeFor(5, 2, 5)).toEqual({ status: "WAITLISTED", position: 6 });
    expect(placesLeft(2, 3)).toBe(0);
    expect(placesLeft(5, 3)).toBe(2);
  });
  it("those who move up are the first on the list, as many as places freed", () => {
    const waiting = [{ id: "c", waitlistPosition: 7 }, { id: "a", waitlistPosition: 2 }, { id: "b", waitlistPosition: 4 }];
    expect(nextUp(waiting, 2).map((w) => w.id)).toEqual(["a", "b"]);
    expect(nextUp(waiting, 5).map((w) => w.id)).toEqual(["a", "b", "c"]);
    expect(nextUp(waiting, 0)).toEqual([]);
  });
});

describe("sessions and completion", () => {
  it("a programme is published once its sessions make up its whole length", () => {
    expect(publishBlocker({ lengthHalfHours: 12, sessions: [] })).toBe("noSessions");
    expect(publishBlocker({ lengthHalfHours: 12, sessions: [{ halfHours: 6 }] })).toBe("sessionsIncomplete");
    expect(publishBlocker({ lengthHalfHours: 12, sessions: [{ halfHours: 6 }, { halfHours: 8 }] })).toBe("sessionsIncomplete");
    expect(publishBlocker({ lengthHalfHours: 12, sessions: [{ halfHours: 6 }, { halfHours: 6 }] })).toBeNull();
  });
  it("completion needs at least the share of sessions attended (rounded up)", () => {
    expect(sessionsNeeded(5, 80)).toBe(4);
    expect(sessionsNeeded(3, 80)).toBe(3);
    expect(sessionsNeeded(10, 75)).toBe(8);
    expect(isCompleted(4, 5, 80)).toBe(true);
    expect(isCompleted(3, 5, 80)).toBe(false);
    expect(isCompleted(2, 3, 80)).toBe(false);
    expect(isCompleted(3, 3, 100)).toBe(true);
    expect(isCompleted(0, 0, 50)).toBe(false);
  });
});

describe("money", () => {
  it("a place promises the subsidy only when there is one and a line", () => {
    expect(subsidyToCommit({ subsidyFen: 80_000, budgetLineId: "l" })).toBe(80_000n);
    expect(subsidyToCommit({ subsidyFen: 0, budgetLineId: "l" })).toBe(0n);
    expect(subsidyToCommit({ subsidyFen: 80_000, budgetLineId: null })).toBe(0n);
    expect(enrolmentSourceRef("abc")).toBe("training:abc");
  });
  const form = {
    kind: "PROFESSIONAL",
    scope: "PRACTICE",
    title: "儿童保护实务",
    venue: "市社会工作培训中心",
    startDate: "2027-05-01",
    endDate: "2027-05-02",
    capacity: "30",
    hours: "12",
    cpdHours: "12",
    completionPercent: "80",
    audienceDepartmentTypes: [],
    audienceRegionIds: [],
    audienceOrganizationKinds: [],
    audienceLevels: [],
    cost: "1,200",
    subsidy: "800.50",
    budgetLineId: "line",
  };
  it("cost and subsidy are typed in yuan and kept in fen", () => {
    const v = ZCreateTraining.parse(form);
    expect(v).toMatchObject({ cost: 120_000, subsidy: 80_050, hours: 24, cpdHours: 24, capacity: 30, completionPercent: 80 });
    expect(ZCreateTraining.parse({ ...form, cost: "", subsidy: "" })).toMatchObject({ cost: 0, subsidy: 0 });
  });
  it("every problem of the form is reported at once: subsidy above cost, no line, CPD above length, end before start", () => {
    const r = ZCreateTraining.safeParse({ ...form, cost: "100", subsidy: "200", budgetLineId: "", cpdHours: "13", endDate: "2027-04-30", capacity: "0" });
    expect(r.success).toBe(false);
    const issues = Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(issues).toMatchObject({
      subsidy: "trainings.validation.subsidyAboveCost",
      budgetLineId: "trainings.validation.subsidyNeedsLine",
      cpdHours: "trainings.validation.cpdAboveLength",
      endDate: "trainings.validation.endBeforeStart",
      capacity: "trainings.validation.wholeNumber",
    });
  });
  it("refuses amounts that are not money and hours finer than half hours", () => {
    expect(ZCreateTraining.safeParse({ ...form, cost: "12.345" }).success).toBe(false);
    expect(ZCreateTraining.safeParse({ ...form, cost: "2000000" }).success).toBe(false);
    expect(ZHalfHours().safeParse("7.25").error?.issues[0]?.message).toBe("trainings.validation.halfHours");
    expect(ZHalfHours().safeParse("0").error?.issues[0]?.message).toBe("trainings.validation.hours");
    expect(ZHalfHours({ zero: true }).parse("0")).toBe(0);
    expect(ZHalfHours().parse("３.５")).toBe(7);
  });
});

describe("other forms", () => {
  it("a session's time and hours", () => {
    expect(ZAddSession.parse({ trainingId: "t", date: "2027-05-01", startsAt: "9:00", hours: "3", topic: "开班" })).toMatchObject({ startsAt: "09:00", hours: 6 });
    expect(ZAddSession.safeParse({ trainingId: "t", date: "2027-05-01", startsAt: "25:00", hours: "3", topic: "x" }).error?.issues[0]?.message).toBe("trainings.validation.time");
  });
  it("an approval needs a scope and an end not before its start", () => {
    const r = ZApproveProvider.safeParse({ organizationId: "o", scopes: [], validFrom: "2027-02-01", validTo: "2027-01-01" });
    expect(r.error?.issues.map((i) => i.message).sort()).toEqual(["trainings.validation.scopes", "trainings.validation.validToBeforeFrom"]);
  });
  it("an enrolment names somebody, at most 200 at once", () => {
    expect(ZEnrol.safeParse({ trainingId: "t", practitionerIds: [] }).error?.issues[0]?.message).toBe("trainings.validation.nobodyChosen");
    expect(ZEnrol.safeParse({ trainingId: "t", practitionerIds: Array.from({ length: 201 }, (_, i) => `p${i}`) }).error?.issues[0]?.message).toBe("trainings.validation.tooMany");
  });
  it("the attendance import reads 'present' in three languages", () => {
    for (const yes of ["是", "yes", "Y", "出席", "TRUE", "1", "√"]) expect(parsePresent(yes), yes).toBe(true);
    for (const no of ["否", "no", "N", "缺席", "false", "0"]) expect(parsePresent(no), no).toBe(false);
    for (const odd of ["", "maybe", "也许"]) expect(parsePresent(odd), odd).toBeNull();
  });
  it("the catalogue's filters are read leniently", () => {
    expect(parseTrainingListFilter({ kind: "ROTATION", month: "2027-05", open: "1", provider: "abc" })).toEqual({ kind: "ROTATION", month: "2027-05", open: true, providerId: "abc" });
    expect(parseTrainingListFilter({ kind: "X", month: "2027-13", open: "yes", provider: "a b" })).toEqual({ kind: null, month: null, open: false, providerId: null });
    expect(monthBounds("2027-02")).toEqual({ from: day("2027-02-01"), to: day("2027-02-28") });
  });
});

describe("enums match prisma/schema.prisma", () => {
  const schema = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
  const prismaEnum = (name: string) => [...new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema)![1]!.matchAll(/^\s+([A-Z_]+)\s*$/gm)].map((m) => m[1]);
  it.each([
    ["TrainingKind", TRAINING_KINDS],
    ["TrainingScope", TRAINING_SCOPES],
    ["TrainingStatus", TRAINING_STATUSES],
    ["EnrolmentStatus", ENROLMENT_STATUSES],
    ["DepartmentType", AUDIENCE_DEPARTMENT_TYPES],
  ] as const)("%s", (name, list) => {
    expect([...list]).toEqual(prismaEnum(name));
  });
});
