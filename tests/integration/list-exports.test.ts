import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";

import { as, codeOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { isoFromToday, makeCredential } from "@/server/seed/credential-factories";
import { exportVerificationQueue, parseQueueExportFilter } from "@/server/credentials/queue-export";
import { exportAgencies } from "@/server/agencies/export";
import { exportApplications } from "@/server/agencies/application-export";
import { parseAgencyListFilter } from "@/domain/agencies/list-filter";
import { GET as agenciesRoute } from "@/app/api/agencies/export/route";
import { exportPosts } from "@/server/posts/export";
import { createPost } from "@/server/posts/mutations";
import { parsePostFilter } from "@/domain/posts/list-filter";
import { ZCreatePost } from "@/domain/posts/schemas";

// The officials' lists as Excel (issue 11, item 9): each export holds the rows its list's filter
// selects within the caller's scope, the list's columns in the reader's language, and is audited.

async function sheetOf(stream: ReadableStream): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.fromWeb(stream as never));
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  return rows;
}
const column = (rows: string[][], header: string) => {
  const i = rows[0]!.indexOf(header);
  expect(i, `column ${header} in ${rows[0]!.join(" | ")}`).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((r) => r[i] ?? "");
};

type TWorld = Awaited<ReturnType<typeof build>>;
let w: TWorld;

async function build() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const east = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "东导区" });
  const west = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "西导区" });
  const eastAgency = await makeOrganization(prisma, { kind: "AGENCY", regionId: east.id, name: "东导社工", creditCode: "52990100MJ0000100X", agencyStatus: "ACTIVE", rating: "A4", ratingDate: new Date("2025-05-01") });
  const westAgency = await makeOrganization(prisma, { kind: "AGENCY", regionId: west.id, name: "西导社工" });
  const person = (name: string, org: { id: string; regionId: string }, path: string) => makePractitioner(prisma, { name, organizationId: org.id, regionId: org.regionId, regionPath: path });
  const eastPerson = await person("东待审", eastAgency, east.path);
  const westPerson = await person("西待审", westAgency, west.path);
  const eastCert = await makeCredential(prisma, { practitionerId: eastPerson.id, status: "SUBMITTED", number: "ZJ2025EX01", issueDate: "2025-03-01", registrationEnd: isoFromToday(900), registrationNumber: "DJ2025EX01" });
  await makeCredential(prisma, { practitionerId: westPerson.id, status: "SUBMITTED", number: "ZJ2025WX01" });
  const rejected = await makeCredential(prisma, { practitionerId: eastPerson.id, status: "REJECTED", kind: "ASSISTANT_SOCIAL_WORKER", number: "ZL2024EX02", registrationEnd: null });
  await prisma.credential.update({ where: { id: rejected.id }, data: { statusReason: "扫描件模糊", verifiedAt: new Date("2026-01-05T02:30:00Z") } });
  const renewing = await makeCredential(prisma, { practitionerId: eastPerson.id, status: "VERIFIED", kind: "SOCIAL_WORKER", number: "ZJ2020EX03", issueDate: "2020-01-01", registrationEnd: isoFromToday(20), registrationNumber: "DJ2023EX03" });
  const registration = await prisma.registration.findFirstOrThrow({ where: { credentialId: renewing.id } });
  await prisma.renewalRequest.create({ data: { registrationId: registration.id, practitionerId: eastPerson.id, periodEnd: registration.periodEnd, halfHours: 150 } });
  await prisma.cpdEntry.create({ data: { practitionerId: eastPerson.id, kind: "EXTERNAL", title: "个案管理研修", provider: "示例大学", startDate: new Date("2026-03-01"), endDate: new Date("2026-03-02"), halfHours: 24 } });
  await prisma.cpdEntry.create({ data: { practitionerId: westPerson.id, kind: "EXTERNAL", title: "西区研修", provider: "示例大学", startDate: new Date("2026-03-01"), endDate: new Date("2026-03-02"), halfHours: 8 } });
  const application = (name: string, region: { id: string; path: string }, status: "DISTRICT_REVIEW" | "APPROVED", n: number) =>
    prisma.agencyApplication.create({
      data: {
        reference: `SA-2098-${String(n).padStart(5, "0")}`,
        status,
        name,
        creditCode: `52990100MJ00${String(n).padStart(5, "0")}X`.slice(0, 18),
        legalRepresentative: "法人",
        address: "地址",
        regionId: region.id,
        regionPath: region.path,
        foundedOn: new Date("2020-01-01"),
        serviceAreas: ["SCHOOLS"],
        contactName: "联系人",
        contactPhone: "13800000000",
        contactEmail: `apply-${n}@example.test`,
        decidedAt: status === "APPROVED" ? new Date("2026-02-01T01:00:00Z") : null,
      },
    });
  const eastApp = await application("东导申请", east, "DISTRICT_REVIEW", 1);
  const eastApproved = await application("东导已批", east, "APPROVED", 2);
  const westApp = await application("西导申请", west, "DISTRICT_REVIEW", 3);
  return {
    east,
    west,
    eastAgency,
    westAgency,
    eastCert,
    eastApp,
    eastApproved,
    westApp,
    eastOfficer: await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: east.id }),
    cityAdmin: await makeUser(prisma, { role: "CITY_ADMIN" }),
    agencyAdmin: await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: eastAgency.id }),
  };
}

beforeAll(async () => {
  w = await build();
});

describe("the verification queue's export", () => {
  it("the credentials tab: the district's submissions with the columns the queue shows, audited with its filter", async () => {
    const officer = await as(w.eastOfficer);
    const { stream, rows: count } = await exportVerificationQueue(parseQueueExportFilter(new URLSearchParams()));
    const rows = await sheetOf(stream);
    expect(rows.length - 1).toBe(count);
    expect(column(rows, "证书编号")).toEqual(["ZJ2025EX01"]);
    expect(column(rows, "社会工作者")).toEqual(["东待审"]);
    expect(column(rows, "工作单位")).toEqual(["东导社工"]);
    expect(column(rows, "区县")).toEqual(["东导区"]);
    expect(column(rows, "登记证号")).toEqual(["DJ2025EX01"]);
    expect(column(rows, "发证日期")).toEqual(["2025-03-01"]);
    expect(column(rows, "提交时间")[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // Pending ones have no decision yet: no decision column.
    expect(rows[0]).not.toContain("审核时间");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "credentials.queue.export", actorId: officer.id }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ rows: 1, filter: { tab: "credentials", status: "SUBMITTED" } });
  });

  it("a filter on rejected credentials adds when they were decided; the reason is there", async () => {
    await as(w.eastOfficer);
    const rows = await sheetOf((await exportVerificationQueue(parseQueueExportFilter(new URLSearchParams({ status: "REJECTED" })))).stream);
    expect(column(rows, "证书编号")).toEqual(["ZL2024EX02"]);
    expect(column(rows, "审核时间")).toEqual(["2026-01-05 10:30"]);
    expect(column(rows, "原因")).toEqual(["扫描件模糊"]);
  });

  it("the hours and renewals tabs, each in the district's scope", async () => {
    await as(w.eastOfficer);
    const hours = await sheetOf((await exportVerificationQueue(parseQueueExportFilter(new URLSearchParams({ tab: "hours" })))).stream);
    expect(column(hours, "活动")).toEqual(["个案管理研修"]);
    expect(column(hours, "学时")).toEqual(["12"]);
    expect(column(hours, "证明材料")).toEqual(["无"]);
    const renewals = await sheetOf((await exportVerificationQueue(parseQueueExportFilter(new URLSearchParams({ tab: "renewals" })))).stream);
    expect(column(renewals, "登记证号")).toEqual(["DJ2023EX03"]);
    expect(column(renewals, "已计学时")).toEqual(["75"]);
    expect(column(renewals, "应修学时")).toEqual(["90"]);
    expect(column(renewals, "本期登记截止日")).toEqual([isoFromToday(20)]);
  });

  it("is refused to whoever may not verify", async () => {
    await as(w.agencyAdmin);
    for (const tab of ["credentials", "hours", "renewals"]) expect(await codeOf(exportVerificationQueue(parseQueueExportFilter(new URLSearchParams({ tab }))))).toBe("authz:forbidden");
  });
});

describe("the agency list's export", () => {
  it("the list's columns within the scope, with its filter", async () => {
    await as(w.eastOfficer);
    const rows = await sheetOf((await exportAgencies(parseAgencyListFilter({}))).stream);
    expect(column(rows, "机构")).toEqual(["东导社工"]);
    expect(column(rows, "统一社会信用代码")).toEqual(["52990100MJ0000100X"]);
    expect(column(rows, "评估等级")).toEqual(["4A"]);
    expect(column(rows, "评估日期")).toEqual(["2025-05-01"]);
    expect(rows[0]).not.toContain("成立日期");
    // Sorted by founding date: the founding date is there.
    const sorted = await sheetOf((await exportAgencies(parseAgencyListFilter({ sort: "foundedOn" }))).stream);
    expect(sorted[0]).toContain("成立日期");
  });

  it("the route answers with a workbook for officials and 403 for an agency's administrator", async () => {
    await as(w.cityAdmin);
    const ok = await agenciesRoute(new Request("http://localhost/api/agencies/export?q=%E4%B8%9C%E5%AF%BC"));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("spreadsheetml");
    expect(column(await sheetOf(ok.body!), "机构")).toEqual(["东导社工"]);
    await as(w.agencyAdmin);
    expect((await agenciesRoute(new Request("http://localhost/api/agencies/export"))).status).toBe(403);
  });
});

describe("the agency applications' export", () => {
  it("the district's applications with the queue's columns; a filter on approved ones adds when they were decided", async () => {
    const officer = await as(w.eastOfficer);
    const all = await sheetOf((await exportApplications({})).stream);
    expect(column(all, "申请编号").sort()).toEqual([w.eastApp.reference, w.eastApproved.reference].sort());
    expect(all[0]).not.toContain("决定时间");
    const approved = await sheetOf((await exportApplications({ status: "APPROVED", q: w.eastApproved.reference.toLowerCase() })).stream);
    expect(column(approved, "机构")).toEqual(["东导已批"]);
    expect(column(approved, "决定时间")).toEqual(["2026-02-01 09:00"]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "agencyApplications.export", actorId: officer.id }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ rows: 1, filter: { status: "APPROVED" } });
    await as(w.agencyAdmin);
    expect(await codeOf(exportApplications({}))).toBe("authz:forbidden");
  });
});

describe("the posts list's export", () => {
  it("the list view's columns with today's fill, within the scope and the filter", async () => {
    await as(w.cityAdmin);
    const ratio = (organizationId: string, title: string) =>
      createPost(ZCreatePost.parse({ kind: "RATIO", title, organizationId, practiceField: "WELFARE_INSTITUTIONS", requiredQualification: "ASSISTANT_SOCIAL_WORKER", ratioBasis: "BEDS", basisCount: "120", ratioPerWorker: "50", description: "" }));
    const eastHome = await makeOrganization(prisma, { kind: "WELFARE_INSTITUTION", regionId: w.east.id, name: "东导敬老院" });
    const westHome = await makeOrganization(prisma, { kind: "WELFARE_INSTITUTION", regionId: w.west.id, name: "西导敬老院" });
    await ratio(eastHome.id, "东导养老社工岗");
    await ratio(westHome.id, "西导养老社工岗");
    const officer = await as(w.eastOfficer);
    const rows = await sheetOf((await exportPosts(parsePostFilter({ understaffed: "1" }))).stream);
    expect(column(rows, "岗位")).toEqual(["东导养老社工岗"]);
    expect(column(rows, "单位")).toEqual(["东导敬老院"]);
    expect(column(rows, "核定人数")).toEqual(["3"]);
    expect(column(rows, "在岗人数")).toEqual(["0"]);
    expect(column(rows, "配备率")).toEqual(["0"]);
    expect(column(rows, "比例达标")).toEqual(["未达标"]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "posts.export", actorId: officer.id }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ rows: 1, filter: { understaffed: "1" } });
    await as(w.agencyAdmin);
    expect(await codeOf(exportPosts(parsePostFilter({})))).toBe("authz:forbidden");
  });
});
