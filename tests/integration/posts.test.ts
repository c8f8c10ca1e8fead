import { beforeAll, describe, expect, it } from "vitest";

import { tableCounts } from "../helpers/counts";
import { as, errorOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { AuthzError } from "@/server/auth/session";
import { assignPractitioner, closePost, createPost, endAssignment, updatePost } from "@/server/posts/mutations";
import { assignablePractitioners, creatableKinds, getPost, listPosts, postOrganizationOptions, summaryByDistrict, summaryByField, summaryByOrganization } from "@/server/posts/queries";
import { postFillRows } from "@/server/posts/fill";
import { postScope } from "@/server/authz/scope";
import { parsePostFilter } from "@/domain/posts/list-filter";
import { ZAssignPractitioner, ZClosePost, ZCreatePost, ZEndAssignment, ZUpdatePost } from "@/domain/posts/schemas";
import { PRACTICE_FIELDS } from "@/domain/practitioners/enums";
import { getPractitioner, listPractitioners } from "@/server/practitioners/queries";
import { parseListFilter } from "@/domain/practitioners/list-filter";
import { setSupervisingDepartment } from "@/server/organizations/mutations";
import { ZSetSupervisingDepartment } from "@/domain/organizations/supervision";
import { StaleEditError } from "@/domain/common/errors";
import { todayInCity } from "@/domain/common/calendar-day";

const filter = (params: Record<string, string> = {}) => parsePostFilter(params);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const DAY = 86_400_000;
const today = () => todayInCity();
const daysFromToday = (n: number) => iso(new Date(today().getTime() + n * DAY));

async function counts() {
  const [base, posts, assignments, ended] = await Promise.all([
    tableCounts(),
    prisma.post.count(),
    prisma.postAssignment.count(),
    prisma.postAssignment.count({ where: { to: { not: null } } }),
  ]);
  return { ...base, posts, assignments, ended };
}

/** A refused mutation must leave every table as it was (a refusal by permission is itself audited, as DENIED). */
async function expectNothingWritten(run: () => Promise<unknown>): Promise<unknown> {
  const [before, denied] = await Promise.all([counts(), prisma.auditEvent.count({ where: { outcome: "DENIED" } })]);
  const error = await errorOf(run());
  expect(error).not.toBeNull();
  const deniedNow = error instanceof AuthzError ? 1 : 0;
  expect(await counts()).toEqual({ ...before, audit: before.audit + deniedNow });
  expect(await prisma.auditEvent.count({ where: { outcome: "DENIED" } })).toBe(denied + deniedNow);
  return error;
}

const ratioInput = (organizationId: string, o: Record<string, string> = {}) =>
  ZCreatePost.parse({
    kind: "RATIO",
    title: "养老院社工岗",
    organizationId,
    practiceField: "WELFARE_INSTITUTIONS",
    requiredQualification: "ASSISTANT_SOCIAL_WORKER",
    ratioBasis: "BEDS",
    basisCount: "120",
    ratioPerWorker: "50",
    description: "",
    ...o,
  });

const departmentInput = (organizationId: string, o: Record<string, string> = {}) =>
  ZCreatePost.parse({
    kind: "DEPARTMENT",
    title: "民政专岗",
    organizationId,
    practiceField: "CIVIL_AFFAIRS",
    requiredQualification: "SOCIAL_WORKER",
    headcount: "2",
    ...o,
  });

const assign = (postId: string, practitionerId: string, from = iso(today())) => assignPractitioner(ZAssignPractitioner.parse({ postId, practitionerId, from }));

type TWorld = Awaited<ReturnType<typeof build>>;
let w: TWorld;

async function build() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const a = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "甲区", code: "D1" });
  const aStreet = await makeRegion(prisma, { level: "STREET", parent: a });
  const b = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "乙区", code: "D2" });
  const welfareA = await makeOrganization(prisma, { kind: "WELFARE_INSTITUTION", regionId: aStreet.id, name: "甲区敬老院" });
  const schoolA = await makeOrganization(prisma, { kind: "SCHOOL", regionId: a.id, name: "甲区小学" });
  const deptA = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", departmentType: "CIVIL_AFFAIRS", adminLevel: "DISTRICT", regionId: a.id, name: "甲区民政局" });
  const agencyA = await makeOrganization(prisma, { kind: "AGENCY", regionId: a.id, name: "甲区社工" });
  const welfareB = await makeOrganization(prisma, { kind: "WELFARE_INSTITUTION", regionId: b.id, name: "乙区福利院" });
  const agencyB = await makeOrganization(prisma, { kind: "AGENCY", regionId: b.id, name: "乙区社工" });
  const education = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", departmentType: "EDUCATION", adminLevel: "CITY", regionId: city.id, name: "市教育局" });

  const cityAdmin = await makeUser(prisma, { role: "CITY_ADMIN" });
  const officerA = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: a.id });
  const officerB = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: b.id });
  const deptOfficer = await makeUser(prisma, { role: "DEPARTMENT_OFFICER", organizationId: education.id });
  const agencyAdmin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agencyA.id });

  // The employer's region path is what the practitioner scope filters on.
  const person = (name: string, org: { id: string }, region: { id: string; path: string }, extra: Record<string, unknown> = {}) =>
    makePractitioner(prisma, { name, organizationId: org.id, regionId: region.id, regionPath: region.path, status: "ACTIVE", ...extra });
  const qualifiedA = await person("甲持证", agencyA, a, { isQualified: true, qualificationLevel: "SOCIAL_WORKER", qualifiedSince: new Date(Date.UTC(2024, 0, 1)) });
  const plainA = await person("甲未持证", agencyA, a);
  const leftA = await person("甲已离职", agencyA, a, { status: "LEFT" });
  const inB = await person("乙社工", agencyB, b, { isQualified: true, qualificationLevel: "SOCIAL_WORKER" });
  const inEducation = await person("教育局社工", education, city);
  return { city, a, aStreet, b, welfareA, schoolA, deptA, agencyA, welfareB, agencyB, education, cityAdmin, officerA, officerB, deptOfficer, agencyAdmin, qualifiedA, plainA, leftA, inB, inEducation };
}

beforeAll(async () => {
  w = await build();
});

describe("post maths end to end", () => {
  it("120 beds at 1:50 needs 3; two holders (one qualified) fill 2/3 and 1/3, not compliant; ending one keeps the history and drops the fill", async () => {
    const admin = await as(w.cityAdmin);
    const before = await counts();
    const { id } = await createPost(ratioInput(w.welfareA.id));
    const post = await prisma.post.findUniqueOrThrow({ where: { id } });
    expect(post).toMatchObject({ kind: "RATIO", requiredHeadcount: 3, basisCount: 120, ratioPerWorker: 50, headcount: null, regionId: w.aStreet.id, regionPath: w.aStreet.path, version: 1 });
    expect(await counts()).toMatchObject({ posts: before.posts + 1, audit: before.audit + 1 });
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { entityId: id } })).toMatchObject({ action: "posts.create", actorId: admin.id, entity: "Post" });

    const first = await assign(id, w.qualifiedA.id);
    const second = await assign(id, w.plainA.id);
    expect(first.overfilled).toBe(false);
    expect(second.overfilled).toBe(false);
    expect(await counts()).toMatchObject({ assignments: before.assignments + 2, audit: before.audit + 3 });

    const [fill] = await postFillRows({ id }, today());
    expect(fill).toMatchObject({ required: 3, filled: 2, qualifiedFilled: 1 });
    const detail = (await getPost(admin, id))!;
    expect(detail.fill).toMatchObject({ required: 3, filled: 2, qualifiedFilled: 1 });
    expect(detail.assignments.filter((x) => x.current)).toHaveLength(2);

    const byField = await summaryByField(admin, filter());
    expect(byField.rows.map((r) => r.field)).toEqual([...PRACTICE_FIELDS]);
    const welfare = byField.rows.find((r) => r.field === "WELFARE_INSTITUTIONS")!;
    expect(welfare).toMatchObject({ posts: 1, required: 3, filled: 2, qualifiedFilled: 1, ratioPosts: 1, ratioCompliant: 0, ratioComplianceRate: 0 });
    expect(welfare.fillRate).toBeCloseTo(2 / 3);
    expect(welfare.qualifiedFillRate).toBeCloseTo(1 / 3);
    // Fields without posts are listed with zeros.
    expect(byField.rows.find((r) => r.field === "MIGRANTS")).toMatchObject({ posts: 0, required: 0, filled: 0, fillRate: null, ratioPosts: 0 });

    const byDistrict = await summaryByDistrict(admin, filter());
    expect(byDistrict.rows.find((r) => r.key === w.a.id)).toMatchObject({ required: 3, filled: 2, qualifiedFilled: 1, ratioCompliant: 0, ratioPosts: 1 });
    const byOrg = await summaryByOrganization(admin, filter());
    expect(byOrg.page.items.find((r) => r.organization.id === w.welfareA.id)).toMatchObject({ required: 3, filled: 2, qualifiedFilled: 1 });

    // The list shows the same figures; "understaffed only" includes it.
    const listed = await listPosts(admin, filter({ understaffed: "1" }));
    expect(listed.items.find((p) => p.id === id)?.fill).toMatchObject({ filled: 2, qualifiedFilled: 1, required: 3 });

    // End the unqualified holder today (the end date is exclusive): history kept, fill drops to 1/3.
    const toEnd = detail.assignments.find((x) => x.practitioner.id === w.plainA.id)!;
    const beforeEnd = await counts();
    await endAssignment(ZEndAssignment.parse({ id: toEnd.id, to: iso(today()) }));
    expect(await counts()).toMatchObject({ assignments: beforeEnd.assignments, ended: beforeEnd.ended + 1, audit: beforeEnd.audit + 1 });
    const after = (await getPost(admin, id))!;
    expect(after.assignments).toHaveLength(2);
    expect(after.assignments.find((x) => x.id === toEnd.id)).toMatchObject({ current: false, open: false });
    expect(after.fill).toMatchObject({ required: 3, filled: 1, qualifiedFilled: 1 });

    // Ending it again is refused; the person may be assigned afresh, as a new history row.
    expect(await expectNothingWritten(() => endAssignment(ZEndAssignment.parse({ id: toEnd.id, to: iso(today()) })))).toMatchObject({ code: "posts.errors.alreadyEnded" });
    await assign(id, w.plainA.id);
    expect((await getPost(admin, id))!.assignments).toHaveLength(3);
  });

  it("a practitioner who is no longer active does not fill the post, and cannot be assigned", async () => {
    const admin = await as(w.cityAdmin);
    const { id } = await createPost(departmentInput(w.deptA.id, { headcount: "1" }));
    // Written directly: a holder who later left (the status change happens elsewhere).
    await prisma.postAssignment.create({ data: { postId: id, practitionerId: w.leftA.id, from: new Date(Date.UTC(2024, 0, 1)) } });
    expect((await postFillRows({ id }, today()))[0]).toMatchObject({ required: 1, filled: 0 });
    expect(await expectNothingWritten(() => assign(id, w.leftA.id))).toMatchObject({ code: "posts.validation.practitionerNotAllowed", field: "practitionerId" });
    expect((await assignablePractitioners(admin, id, "")).map((p) => p.id)).not.toContain(w.leftA.id);
  });
});

describe("assignments", () => {
  it("refuses the same person twice on one post (also a later start overlapping an open one), allows over-filling with a flag", async () => {
    const admin = await as(w.cityAdmin);
    const { id } = await createPost(departmentInput(w.deptA.id, { headcount: "1" }));
    expect((await assign(id, w.qualifiedA.id)).overfilled).toBe(false);
    expect(await expectNothingWritten(() => assign(id, w.qualifiedA.id))).toMatchObject({ code: "posts.validation.alreadyHolding", field: "practitionerId" });
    expect(await expectNothingWritten(() => assign(id, w.qualifiedA.id, daysFromToday(30)))).toMatchObject({ code: "posts.validation.alreadyHolding" });
    // The candidate list leaves out current holders.
    expect((await assignablePractitioners(admin, id, "")).map((p) => p.id)).not.toContain(w.qualifiedA.id);
    // Full (1 of 1): a second person is accepted and reported as over-filling.
    expect((await assign(id, w.plainA.id)).overfilled).toBe(true);
    expect((await postFillRows({ id }, today()))[0]).toMatchObject({ required: 1, filled: 2 });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "posts.assign", entity: "PostAssignment" }, orderBy: { at: "desc" } });
    expect(audit.after).toMatchObject({ overfilled: true, practitionerId: w.plainA.id });
  });

  it("an end date before the start is refused and writes nothing", async () => {
    await as(w.cityAdmin);
    const { id } = await createPost(departmentInput(w.deptA.id));
    await assign(id, w.qualifiedA.id, "2025-03-01");
    const a = await prisma.postAssignment.findFirstOrThrow({ where: { postId: id } });
    expect(await expectNothingWritten(() => endAssignment(ZEndAssignment.parse({ id: a.id, to: "2025-02-28" })))).toMatchObject({ code: "posts.validation.toBeforeFrom", field: "to" });
    expect(ZEndAssignment.safeParse({ id: a.id, to: "2025-02-30" }).success).toBe(false);
    expect(ZEndAssignment.safeParse({ id: a.id, to: "" }).error?.issues[0]?.message).toBe("required");
  });
});

describe("scope", () => {
  let postA: string;
  let postB: string;
  let deptPost: string;
  let assignmentA: string;
  beforeAll(async () => {
    await as(w.cityAdmin);
    postA = (await createPost(ratioInput(w.welfareA.id, { title: "甲区岗位" }))).id;
    postB = (await createPost(ratioInput(w.welfareB.id, { title: "乙区岗位" }))).id;
    deptPost = (await createPost(departmentInput(w.education.id, { title: "教育局岗位", practiceField: "SCHOOLS" }))).id;
    assignmentA = (await assign(postA, w.qualifiedA.id)).id;
  });

  it("a district officer sees and manages only their district's posts", async () => {
    const officerA = await as(w.officerA);
    const listed = (await listPosts(officerA, filter())).items.map((p) => p.id);
    expect(listed).toContain(postA);
    expect(listed).not.toContain(postB);
    expect(listed).not.toContain(deptPost);
    expect(await getPost(officerA, postB)).toBeNull();
    expect(await getPost(officerA, deptPost)).toBeNull();
    // Summaries cover the scope only.
    const byDistrict = await summaryByDistrict(officerA, filter());
    expect(byDistrict.rows.map((r) => r.key)).toEqual([w.a.id]);
    // Organisations offered for a new post: their district's only.
    expect((await postOrganizationOptions(officerA, "RATIO")).map((o) => o.id).sort()).toEqual([w.schoolA.id, w.welfareA.id].sort());

    const officerB = await as(w.officerB);
    const current = await prisma.post.findUniqueOrThrow({ where: { id: postA } });
    const edit = ZUpdatePost.parse({ ...ratioEditFields(current), title: "越权修改" });
    expect(await expectNothingWritten(() => updatePost(edit))).toMatchObject({ code: "notFound" });
    expect(await expectNothingWritten(() => assign(postA, w.inB.id))).toMatchObject({ code: "notFound" });
    expect(await expectNothingWritten(() => endAssignment(ZEndAssignment.parse({ id: assignmentA, to: iso(today()) })))).toMatchObject({ code: "notFound" });
    expect(await expectNothingWritten(() => closePost(ZClosePost.parse({ id: postA, version: String(current.version), closedOn: iso(today()) })))).toMatchObject({ code: "notFound" });
    expect(await expectNothingWritten(() => createPost(ratioInput(w.welfareA.id)))).toMatchObject({ code: "employerNotAllowed", field: "organizationId" });
    expect(await getPost(officerB, postA)).toBeNull();
  });

  it("an out-of-scope practitioner cannot be assigned, even with a crafted id", async () => {
    await as(w.officerA);
    expect(await expectNothingWritten(() => assign(postA, w.inB.id))).toMatchObject({ code: "posts.validation.practitionerNotAllowed", field: "practitionerId" });
    expect(await expectNothingWritten(() => assign(postA, "no-such-person"))).toMatchObject({ code: "posts.validation.practitionerNotAllowed" });
  });

  it("a department officer has their own department's posts only: department posts, their own staff", async () => {
    const dept = await as(w.deptOfficer);
    const listed = (await listPosts(dept, filter())).items.map((p) => p.id);
    expect(listed).toEqual([deptPost]);
    expect((await summaryByField(dept, filter())).total.posts).toBe(1);
    expect(await getPost(dept, postA)).toBeNull();
    expect(await creatableKinds(dept)).toEqual(["DEPARTMENT"]);
    expect((await postOrganizationOptions(dept, "RATIO")).length).toBe(0);
    expect((await postOrganizationOptions(dept, "DEPARTMENT")).map((o) => o.id)).toEqual([w.education.id]);

    // A ratio post of a school, another department's post, a ratio post on their own department: refused.
    expect(await expectNothingWritten(() => createPost(ratioInput(w.schoolA.id, { practiceField: "SCHOOLS", ratioBasis: "STUDENTS" })))).toMatchObject({ code: "employerNotAllowed" });
    expect(await expectNothingWritten(() => createPost(departmentInput(w.deptA.id)))).toMatchObject({ code: "employerNotAllowed" });
    expect(await expectNothingWritten(() => createPost(ratioInput(w.education.id)))).toMatchObject({ code: "posts.validation.orgKind", field: "organizationId" });
    expect(await expectNothingWritten(() => assign(postA, w.inEducation.id))).toMatchObject({ code: "notFound" });
    // Their own post, their own staff: yes; someone else's staff: no.
    expect(await expectNothingWritten(() => assign(deptPost, w.qualifiedA.id))).toMatchObject({ code: "posts.validation.practitionerNotAllowed" });
    await assign(deptPost, w.inEducation.id);
    const own = await createPost(departmentInput(w.education.id, { title: "新增教育岗" }));
    expect((await prisma.post.findUniqueOrThrow({ where: { id: own.id } })).regionPath).toBe(w.city.path);
  });

  it("an agency administrator may not read or manage posts at all", async () => {
    const agency = await as(w.agencyAdmin);
    expect(await expectNothingWritten(() => createPost(ratioInput(w.welfareA.id)))).toBeInstanceOf(AuthzError);
    expect(await expectNothingWritten(() => assign(postA, w.qualifiedA.id))).toBeInstanceOf(AuthzError);
    expect(await prisma.post.count({ where: postScope(agency, "posts.read") })).toBe(0);
  });
});

describe("a department's supervised institutions (issue 11, item 6)", () => {
  // The city education bureau supervises a school in district 乙; its officer reads that school's
  // staff and posts, manages its ratio posts and their assignments, and opens every holder.
  let school: { id: string };
  let schoolPost: string;
  let otherSchoolPost: string;
  let teacherWorker: { id: string };
  let agencyHolder: { id: string };
  beforeAll(async () => {
    school = await makeOrganization(prisma, { kind: "SCHOOL", regionId: w.b.id, name: "乙区中学", supervisingDepartmentId: w.education.id });
    teacherWorker = await makePractitioner(prisma, { name: "驻校社工", organizationId: school.id, regionId: w.b.id, regionPath: w.b.path, status: "ACTIVE" });
    agencyHolder = await makePractitioner(prisma, { name: "机构派驻社工", organizationId: w.agencyB.id, regionId: w.b.id, regionPath: w.b.path, status: "ACTIVE", isQualified: true, qualificationLevel: "SOCIAL_WORKER" });
    await as(w.cityAdmin);
    schoolPost = (await createPost(ratioInput(school.id, { title: "驻校社工岗", practiceField: "SCHOOLS", ratioBasis: "STUDENTS", basisCount: "2000", ratioPerWorker: "1000", requiredQualification: "ASSISTANT_SOCIAL_WORKER" }))).id;
    otherSchoolPost = (await createPost(ratioInput(w.schoolA.id, { title: "甲区小学岗", practiceField: "SCHOOLS", ratioBasis: "STUDENTS" }))).id;
    // An agency's social worker placed at the school by the city (government purchase of services).
    await assign(schoolPost, agencyHolder.id);
  });

  it("reads the supervised school's posts and holders, and not another school's", async () => {
    const dept = await as(w.deptOfficer);
    const listed = (await listPosts(dept, filter())).items.map((p) => p.id);
    expect(listed).toContain(schoolPost);
    expect(listed).not.toContain(otherSchoolPost);
    expect(await getPost(dept, otherSchoolPost)).toBeNull();
    const post = (await getPost(dept, schoolPost))!;
    // The holder employed by an agency is a link: the officer may open their page.
    expect(post.assignments.map((a) => [a.practitioner.id, a.canOpenPractitioner])).toEqual([[agencyHolder.id, true]]);
    expect(await getPractitioner(dept, agencyHolder.id)).not.toBeNull();
    expect(await getPractitioner(dept, teacherWorker.id)).not.toBeNull();
    expect(await getPractitioner(dept, w.inB.id)).toBeNull();
    // The register lists the school's staff and the holders of its posts, no one else.
    const register = (await listPractitioners(dept, parseListFilter({}))).items.map((p) => p.id).sort();
    expect(register).toEqual([teacherWorker.id, agencyHolder.id, w.inEducation.id].sort());
  });

  it("manages the supervised school's ratio posts: create, assign (the search finds the school's staff), with a warning below the required level", async () => {
    const dept = await as(w.deptOfficer);
    expect(await creatableKinds(dept)).toEqual(["DEPARTMENT", "RATIO"]);
    expect((await postOrganizationOptions(dept, "RATIO")).map((o) => o.id)).toEqual([school.id]);
    const created = await createPost(ratioInput(school.id, { title: "第二驻校岗", practiceField: "SCHOOLS", ratioBasis: "STUDENTS", requiredQualification: "SOCIAL_WORKER" }));
    const candidates = (await assignablePractitioners(dept, created.id, "")).map((p) => p.id);
    expect(candidates).toContain(teacherWorker.id);
    expect(candidates).not.toContain(w.inB.id);
    const assigned = await assign(created.id, teacherWorker.id);
    expect(assigned.belowRequirement).toBe(true);
    const detail = (await getPost(dept, created.id))!;
    expect(detail.assignments.map((a) => [a.practitioner.id, a.belowRequirement, a.counting?.counts])).toEqual([[teacherWorker.id, true, false]]);
    // A qualified holder meets it.
    expect((await assign(created.id, agencyHolder.id)).belowRequirement).toBe(false);
    // Another school's post stays out of reach.
    expect(await expectNothingWritten(() => assign(otherSchoolPost, teacherWorker.id))).toMatchObject({ code: "notFound" });
    expect(await expectNothingWritten(() => createPost(ratioInput(w.schoolA.id, { practiceField: "SCHOOLS", ratioBasis: "STUDENTS" })))).toMatchObject({ code: "employerNotAllowed" });
  });

  it("the city administrator sets the supervising department; the scope follows at once; nobody else may set it", async () => {
    const dept = await as(w.deptOfficer);
    const current = await prisma.organization.findUniqueOrThrow({ where: { id: w.schoolA.id }, select: { version: true } });
    expect(await errorOf(setSupervisingDepartment(ZSetSupervisingDepartment.parse({ id: w.schoolA.id, version: String(current.version), supervisingDepartmentId: w.education.id })))).toBeInstanceOf(AuthzError);
    expect(await getPost(dept, otherSchoolPost)).toBeNull();

    await as(w.cityAdmin);
    // A department has none; the supervisor must be a department.
    const deptVersion = (await prisma.organization.findUniqueOrThrow({ where: { id: w.deptA.id }, select: { version: true } })).version;
    expect(await errorOf(setSupervisingDepartment(ZSetSupervisingDepartment.parse({ id: w.deptA.id, version: String(deptVersion), supervisingDepartmentId: w.education.id })))).toMatchObject({ code: "supervisingDepartmentNotAllowed", field: "supervisingDepartmentId" });
    expect(await errorOf(setSupervisingDepartment(ZSetSupervisingDepartment.parse({ id: w.schoolA.id, version: String(current.version), supervisingDepartmentId: w.agencyA.id })))).toMatchObject({ code: "supervisingDepartmentInvalid" });
    await setSupervisingDepartment(ZSetSupervisingDepartment.parse({ id: w.schoolA.id, version: String(current.version), supervisingDepartmentId: w.education.id }));
    expect(await prisma.auditEvent.findFirst({ where: { action: "organizations.setSupervisingDepartment", entityId: w.schoolA.id } })).toMatchObject({ after: { supervisingDepartmentId: w.education.id } });
    // A stale second save is refused.
    expect(await errorOf(setSupervisingDepartment(ZSetSupervisingDepartment.parse({ id: w.schoolA.id, version: String(current.version), supervisingDepartmentId: "" })))).toBeInstanceOf(StaleEditError);
    expect(await getPost(await as(w.deptOfficer), otherSchoolPost)).not.toBeNull();

    await as(w.cityAdmin);
    await setSupervisingDepartment(ZSetSupervisingDepartment.parse({ id: w.schoolA.id, version: String(current.version + 1), supervisingDepartmentId: "" }));
    expect(await getPost(await as(w.deptOfficer), otherSchoolPost)).toBeNull();
  });
});

function ratioEditFields(p: { id: string; version: number; title: string; organizationId: string; practiceField: string; requiredQualification: string; ratioBasis: string | null; basisCount: number | null; ratioPerWorker: number | null; description: string | null }) {
  return {
    kind: "RATIO",
    id: p.id,
    version: String(p.version),
    title: p.title,
    organizationId: p.organizationId,
    practiceField: p.practiceField,
    requiredQualification: p.requiredQualification,
    ratioBasis: p.ratioBasis ?? "",
    basisCount: String(p.basisCount ?? ""),
    ratioPerWorker: String(p.ratioPerWorker ?? ""),
    description: p.description ?? "",
  };
}

describe("validation", () => {
  it("bad numbers are refused by the form schema with catalogue keys", () => {
    const base = { kind: "RATIO", title: "岗", organizationId: w.welfareA.id, practiceField: "WELFARE_INSTITUTIONS", requiredQualification: "NONE", ratioBasis: "BEDS" };
    const messageOf = (o: Record<string, string>, field: string) => ZCreatePost.safeParse({ ...base, basisCount: "100", ratioPerWorker: "50", ...o }).error?.issues.find((i) => i.path[0] === field)?.message;
    expect(messageOf({ basisCount: "0" }, "basisCount")).toBe("posts.validation.wholeNumber");
    expect(messageOf({ basisCount: "-3" }, "basisCount")).toBe("posts.validation.wholeNumber");
    expect(messageOf({ basisCount: "2.5" }, "basisCount")).toBe("posts.validation.wholeNumber");
    expect(messageOf({ basisCount: "abc" }, "basisCount")).toBe("posts.validation.wholeNumber");
    expect(messageOf({ basisCount: "1e3" }, "basisCount")).toBe("posts.validation.wholeNumber");
    expect(messageOf({ basisCount: "" }, "basisCount")).toBe("required");
    expect(messageOf({ ratioPerWorker: "100001" }, "ratioPerWorker")).toBe("posts.validation.wholeNumber");
    expect(messageOf({ ratioBasis: "FLOORS" }, "ratioBasis")).toBe("required");
    expect(ZCreatePost.safeParse({ ...base, kind: "DEPARTMENT", headcount: "0" }).error?.issues[0]).toMatchObject({ path: ["headcount"], message: "posts.validation.wholeNumber" });
    expect(ZCreatePost.safeParse({ ...base, kind: "OTHER" }).success).toBe(false);
    expect(ZCreatePost.parse({ ...base, basisCount: " 120 ", ratioPerWorker: "50" })).toMatchObject({ basisCount: 120, ratioPerWorker: 50, description: null });
  });

  it("a post in an organisation of the wrong kind is refused and writes nothing", async () => {
    await as(w.cityAdmin);
    expect(await expectNothingWritten(() => createPost(departmentInput(w.welfareA.id)))).toMatchObject({ code: "posts.validation.orgKind", field: "organizationId" });
    expect(await expectNothingWritten(() => createPost(ratioInput(w.deptA.id)))).toMatchObject({ code: "posts.validation.orgKind" });
    // A social-work agency holds neither kind.
    expect(await expectNothingWritten(() => createPost(ratioInput(w.agencyA.id)))).toMatchObject({ code: "posts.validation.orgKind" });
    expect(await expectNothingWritten(() => createPost(ratioInput("no-such-org")))).toMatchObject({ code: "employerNotAllowed" });
  });
});

describe("edit and close", () => {
  it("an edit recomputes the requirement; a stale version is refused and changes nothing", async () => {
    const admin = await as(w.cityAdmin);
    const { id } = await createPost(ratioInput(w.schoolA.id, { practiceField: "SCHOOLS", ratioBasis: "STUDENTS", basisCount: "1000", ratioPerWorker: "500" }));
    const v1 = await prisma.post.findUniqueOrThrow({ where: { id } });
    expect(v1.requiredHeadcount).toBe(2);
    await updatePost(ZUpdatePost.parse({ ...ratioEditFields(v1), basisCount: "1501" }));
    const v2 = await prisma.post.findUniqueOrThrow({ where: { id } });
    expect(v2).toMatchObject({ version: 2, basisCount: 1501, requiredHeadcount: 4 });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "posts.update", entityId: id } });
    expect(audit.before).toMatchObject({ requiredHeadcount: 2 });
    expect(audit.after).toMatchObject({ requiredHeadcount: 4 });

    const error = await expectNothingWritten(() => updatePost(ZUpdatePost.parse({ ...ratioEditFields(v1), title: "旧版本" })));
    expect(error).toBeInstanceOf(StaleEditError);
    expect((await prisma.post.findUniqueOrThrow({ where: { id } })).title).toBe(v2.title);
    // The kind cannot change on edit.
    expect(await expectNothingWritten(() => updatePost(ZUpdatePost.parse({ kind: "DEPARTMENT", id, version: "2", title: "x", organizationId: w.schoolA.id, practiceField: "SCHOOLS", requiredQualification: "NONE", headcount: "1" })))).toMatchObject({ code: "invalid", field: "kind" });
    expect(await getPost(admin, id)).not.toBeNull();
  });

  it("closing ends current holders on that day, keeps history, leaves fill rates; a closed post cannot be edited or assigned", async () => {
    const admin = await as(w.cityAdmin);
    const { id } = await createPost(departmentInput(w.deptA.id, { headcount: "3" }));
    await assign(id, w.qualifiedA.id, "2025-01-01");
    await assign(id, w.plainA.id, daysFromToday(10));
    const v = await prisma.post.findUniqueOrThrow({ where: { id } });
    // A holder due to start after the closing day blocks it.
    expect(await expectNothingWritten(() => closePost(ZClosePost.parse({ id, version: String(v.version), closedOn: iso(today()) })))).toMatchObject({ code: "posts.validation.closedBeforeAssignment", field: "closedOn" });
    const later = await prisma.postAssignment.findFirstOrThrow({ where: { postId: id, practitionerId: w.plainA.id } });
    await endAssignment(ZEndAssignment.parse({ id: later.id, to: daysFromToday(10) }));
    // The form's schema refuses a closing day in the future; the server refuses one that skipped it too.
    expect(ZClosePost.safeParse({ id, version: String(v.version), closedOn: daysFromToday(1) }).error?.issues.map((i) => i.message)).toEqual(["dateInFuture"]);
    const tomorrow = ZClosePost.parse({ id, version: String(v.version), closedOn: iso(today()) });
    tomorrow.closedOn = new Date(tomorrow.closedOn.getTime() + 86_400_000);
    expect(await expectNothingWritten(() => closePost(tomorrow))).toMatchObject({ code: "dateInFuture", field: "closedOn" });

    const before = await counts();
    const result = await closePost(ZClosePost.parse({ id, version: String(v.version), closedOn: iso(today()) }));
    expect(result.assignmentsEnded).toBe(1);
    expect(await counts()).toMatchObject({ assignments: before.assignments, ended: before.ended + 1, audit: before.audit + 1 });
    const closed = (await getPost(admin, id))!;
    expect(closed.closedOn?.toISOString()).toBe(today().toISOString());
    expect(closed.fill).toBeNull();
    expect(closed.assignments).toHaveLength(2);
    expect(await postFillRows({ id }, today())).toEqual([]);
    expect((await listPosts(admin, filter())).items.map((p) => p.id)).not.toContain(id);
    expect((await listPosts(admin, filter({ status: "closed" }))).items.map((p) => p.id)).toContain(id);

    const after = await prisma.post.findUniqueOrThrow({ where: { id } });
    expect(await expectNothingWritten(() => updatePost(ZUpdatePost.parse({ kind: "DEPARTMENT", id, version: String(after.version), title: "x", organizationId: w.deptA.id, practiceField: "CIVIL_AFFAIRS", requiredQualification: "NONE", headcount: "1" })))).toMatchObject({ code: "posts.errors.closed" });
    expect(await expectNothingWritten(() => assign(id, w.plainA.id))).toMatchObject({ code: "posts.errors.closed" });
    expect(await expectNothingWritten(() => closePost(ZClosePost.parse({ id, version: String(after.version), closedOn: iso(today()) })))).toMatchObject({ code: "posts.errors.closed" });
  });
});

describe("list filters", () => {
  it("kind, field, district and organisation filters narrow the list and the summaries alike", async () => {
    const admin = await as(w.cityAdmin);
    const schoolPost = (await createPost(ratioInput(w.schoolA.id, { title: "筛选测试学校岗", practiceField: "SCHOOLS", ratioBasis: "STUDENTS", basisCount: "900", ratioPerWorker: "300" }))).id;
    const onlySchools = await listPosts(admin, filter({ field: "SCHOOLS", kind: "RATIO", district: w.a.id }));
    expect(onlySchools.items.map((p) => p.id)).toContain(schoolPost);
    expect(onlySchools.items.every((p) => p.practiceField === "SCHOOLS" && p.kind === "RATIO")).toBe(true);
    expect((await listPosts(admin, filter({ district: w.b.id }))).items.map((p) => p.id)).not.toContain(schoolPost);
    expect((await listPosts(admin, filter({ org: w.schoolA.id, q: "筛选" }))).items.map((p) => p.id)).toEqual([schoolPost]);
    const byField = await summaryByField(admin, filter({ org: w.schoolA.id }));
    expect(byField.total.posts).toBe(byField.rows.find((r) => r.field === "SCHOOLS")!.posts);
  });
});
