import fsp from "node:fs/promises";
import { beforeEach, describe, expect, it } from "vitest";

import { actAs, actAsNobody } from "../helpers/fake-auth";
import { setRequest } from "../helpers/fake-headers";
import { codeOf, uploadsDir } from "../helpers/integration";
import { TINY_PDF, TINY_PNG } from "@/server/seed/scan-files";
import { prisma } from "@/server/db";
import { makeOrganization, makeRegion, makeUser } from "@/server/seed/factories";
import { amendApplication, applicationForAmendment, decideApplication, submitApplication, APPLICATION_SUBMIT_LIMIT } from "@/server/agencies/application-mutations";
import { getApplication, listApplications } from "@/server/agencies/application-queries";
import { setPasswordWithToken } from "@/server/accounts/mutations";
import { getCurrentUser } from "@/server/auth/session";
import { hashToken } from "@/server/accounts/tokens";
import { submitApplicationAction } from "@/features/agencies/application-actions";
import { EMAIL_CODE_ADDRESS_LIMIT, EMAIL_CODE_IP_LIMIT, EMAIL_CODE_MAX_ATTEMPTS, EMAIL_CODE_TTL_MS, newEmailCode, sendApplicationEmailCode } from "@/server/agencies/email-confirmation";
import { ZApplicationFields, ZReviewDecision } from "@/domain/agencies/application-schemas";
import { creditCodeCheckChar } from "@/lib/credit-code";
import { todayInCity } from "@/domain/common/calendar-day";
import { GET as downloadRegistrationScan } from "@/app/api/agency-applications/[id]/registration-scan/route";
import { GET as viewRegistrationScan } from "@/app/api/agency-applications/[id]/registration-scan/inline/route";
import { APPLICATION_STATUS_LIMIT, lookupApplicationStatus } from "@/server/agencies/application-status";
import { lookupApplicationStatusAction } from "@/features/agencies/application-actions";
import { ZApplicationStatusLookup } from "@/domain/agencies/application-schemas";

let ipSeq = 0;
beforeEach(() => {
  // A fresh client address per test: the public rate limit counts per IP.
  setRequest({ ip: `198.51.100.${++ipSeq}` });
  actAsNobody();
});

const E = "agencyApplications.errors";
const V = "agencyApplications.validation";


const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
function freshCreditCode(): string {
  let first = "91";
  while (first.length < 17) first += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return `${first}${creditCodeCheckChar(first)}`;
}

async function world() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const east = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "东区" });
  const west = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "西区" });
  const eastStreet = await makeRegion(prisma, { level: "STREET", parent: east });
  const agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: east.id });
  const users = {
    admin: await makeUser(prisma, { role: "CITY_ADMIN", name: "市管理员" }),
    eastOfficer: await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: east.id, name: "东区专员" }),
    westOfficer: await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: west.id }),
    agencyAdmin: await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agency.id }),
  };
  return { city, east, west, eastStreet, agency, users };
}
type TWorld = Awaited<ReturnType<typeof world>>;

let emailSeq = 0;
// Parsed values (dates) go back to the form's strings, so a test can resubmit what it got.
const asForm = (over: Record<string, unknown>) => Object.fromEntries(Object.entries(over).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : v]));
const fields = (regionId: string, over: Record<string, unknown> = {}) =>
  ZApplicationFields.parse({
    name: `示例市测试社会工作服务中心${++emailSeq}`,
    creditCode: freshCreditCode(),
    legalRepresentative: "王法人",
    address: "示例市东区和平路 1 号",
    regionId,
    foundedOn: "2021-03-15",
    isPrivate: "on",
    serviceAreas: ["SCHOOLS", "CIVIL_AFFAIRS"],
    targetGroups: ["YOUTH", "ELDERLY"],
    contactName: "李联系",
    contactPhone: "0571-88886666",
    contactEmail: `contact-${emailSeq}-${Date.now()}@applicant.example`,
    ...asForm(over),
  });
const pdf = { name: "登记证书.pdf", bytes: TINY_PDF };

/** The fields with a live code for their contact e-mail, as if the applicant had typed it from the e-mail. */
async function coded<T extends { contactEmail: string }>(input: T): Promise<T & { emailCode: string }> {
  const { code } = await prisma.$transaction((tx) => newEmailCode(tx, input.contactEmail));
  return { ...input, emailCode: code };
}

async function submit(w: TWorld, over: Record<string, unknown> = {}) {
  const input = fields(w.east.id, over);
  const { id, reference } = await submitApplication(await coded(input), pdf, "en");
  return { id, reference, input };
}

async function decide(user: { id: string; sessionVersion: number }, id: string, decision: "APPROVE" | "REJECT" | "RETURN", reason?: string, commentForCity?: string) {
  actAs(user);
  const version = (await prisma.agencyApplication.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
  return decideApplication(ZReviewDecision.parse({ id, version, decision, reason, commentForCity }));
}

async function counts() {
  const [applications, events, files, audit, outbox, organizations, statusChanges, users, passwordTokens] = await Promise.all([
    prisma.agencyApplication.count(),
    prisma.agencyApplicationEvent.count(),
    prisma.storedFile.count(),
    prisma.auditEvent.count({ where: { outcome: "SUCCESS" } }),
    prisma.outboxEmail.count(),
    prisma.organization.count(),
    prisma.agencyStatusChange.count(),
    prisma.user.count(),
    prisma.passwordToken.count(),
  ]);
  const onDisk = (await fsp.readdir(uploadsDir(), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
  return { applications, events, files, audit, outbox, organizations, statusChanges, users, passwordTokens, onDisk };
}

const lastEmailTo = (to: string) => prisma.outboxEmail.findFirstOrThrow({ where: { to }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
const amendTokenFrom = (body: string) => {
  const m = /\/public\/agencies\/apply\/amend\?token=([A-Za-z0-9_%-]+)/.exec(body);
  expect(m, "amend link in the e-mail").not.toBeNull();
  return decodeURIComponent(m![1]!);
};
const state = (id: string) => prisma.agencyApplication.findUniqueOrThrow({ where: { id }, select: { status: true, returnedFrom: true, version: true, amendTokenHash: true, amendTokenExpiresAt: true, organizationId: true, decidedAt: true, registrationScanFileId: true } });

describe("a public application", () => {
  it("is stored at the district step with a yearly reference, its event, audit, scan and an acknowledgement e-mail in the applicant's language", async () => {
    const w = await world();
    const before = await counts();
    const first = await submit(w);
    const second = await submit(w);
    const year = todayInCity().getUTCFullYear();
    expect(first.reference).toBe(`SA-${year}-00001`);
    expect(second.reference).toBe(`SA-${year}-00002`);
    const plus2 = (k: keyof typeof before) => before[k] + 2;
    expect(await counts()).toEqual({ ...before, applications: plus2("applications"), events: plus2("events"), files: plus2("files"), audit: plus2("audit"), outbox: plus2("outbox"), onDisk: plus2("onDisk") });

    const app = await prisma.agencyApplication.findUniqueOrThrow({ where: { id: first.id }, include: { registrationScanFile: true, events: true } });
    expect(app).toMatchObject({ status: "DISTRICT_REVIEW", regionId: w.east.id, regionPath: w.east.path, locale: "en", isPrivate: true, serviceAreas: ["SCHOOLS", "CIVIL_AFFAIRS"], version: 1, organizationId: null });
    expect(app.registrationScanFile).toMatchObject({ mimeType: "application/pdf", originalName: "登记证书.pdf", size: TINY_PDF.byteLength, createdById: null });
    expect(app.events.map((e) => [e.step, e.decision, e.actorId, e.actorName])).toEqual([["DISTRICT_REVIEW", "SUBMITTED", null, "李联系"]]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entity: "AgencyApplication", entityId: first.id } });
    expect(audit).toMatchObject({ action: "agencyApplications.submit", actorId: null, actorEmail: first.input.contactEmail, ip: `198.51.100.${ipSeq}` });
    const mail = await lastEmailTo(first.input.contactEmail);
    expect(mail.subject).toBe(`Agency application ${first.reference} received`);
    expect(mail.body).toContain(first.input.name);
  });

  it("invalid input, a bad scan or a non-district region writes nothing", async () => {
    const w = await world();
    const before = await counts();
    // Through the action, as the form posts it: field errors, nothing written.
    const form = new FormData();
    form.set("name", "");
    const good = freshCreditCode();
    form.set("creditCode", `${good.slice(0, 17)}${good[17] === "0" ? "1" : "0"}`.toLowerCase());
    form.set("regionId", w.east.id);
    form.set("foundedOn", `${todayInCity().getUTCFullYear() + 1}-01-01`);
    const result = await submitApplicationAction({ ok: false }, form);
    expect(result.ok).toBe(false);
    expect(result.fieldErrors).toMatchObject({
      name: "required",
      creditCode: `${V}.creditCodeCheck`,
      foundedOn: "dateInFuture",
      serviceAreas: "serviceAreasRequired",
      registrationScan: `${V}.registrationScanRequired`,
    });
    // A "PDF" that is really HTML.
    expect(await codeOf(submitApplication(await coded(fields(w.east.id)), { name: "x.pdf", bytes: new TextEncoder().encode("<html>no</html>") }, "zh-Hans"))).toBe(`${V}.registrationScanType@registrationScan`);
    expect(await codeOf(submitApplication(await coded(fields(w.east.id)), null, "zh-Hans"))).toBe(`${V}.registrationScanRequired@registrationScan`);
    // A street is not a district.
    expect(await codeOf(submitApplication(await coded(fields(w.eastStreet.id)), pdf, "zh-Hans"))).toBe(`${V}.districtRequired@regionId`);
    expect(await counts()).toEqual(before);
  });

  it("refuses a credit code already registered or already under review, with a clear message and no trace", async () => {
    const w = await world();
    const registered = freshCreditCode();
    await makeOrganization(prisma, { kind: "AGENCY", regionId: w.east.id, creditCode: registered });
    const open = await submit(w);
    const before = await counts();
    expect(await codeOf(submitApplication(await coded(fields(w.east.id, { creditCode: registered.toLowerCase() })), pdf, "zh-Hans"))).toBe(`${V}.creditCodeRegistered@creditCode`);
    expect(await codeOf(submitApplication(await coded(fields(w.west.id, { creditCode: open.input.creditCode })), pdf, "zh-Hans"))).toBe(`${V}.creditCodePending@creditCode`);
    // Typed in full-width characters with spaces and dashes, it is the same code.
    const typed = [...open.input.creditCode.toLowerCase()].map((ch, i) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0) + (i % 6 === 5 ? " - " : "")).join("");
    expect(fields(w.west.id, { creditCode: typed }).creditCode).toBe(open.input.creditCode);
    expect(await codeOf(submitApplication(await coded(fields(w.west.id, { creditCode: typed })), pdf, "zh-Hans"))).toBe(`${V}.creditCodePending@creditCode`);
    expect(await counts()).toEqual(before);
    // Still blocked while returned; free again once rejected.
    await decide(w.users.eastOfficer, open.id, "RETURN", "请补充章程");
    expect(await codeOf(submitApplication(await coded(fields(w.east.id, { creditCode: open.input.creditCode })), pdf, "zh-Hans"))).toBe(`${V}.creditCodePending@creditCode`);
    // A returned application whose amend link lapsed no longer blocks the code.
    await prisma.agencyApplication.update({ where: { id: open.id }, data: { amendTokenExpiresAt: new Date(Date.now() - 1000) } });
    expect(await codeOf(submitApplication(await coded(fields(w.east.id, { creditCode: open.input.creditCode })), pdf, "zh-Hans"))).toBe("ok");
  });

  it("is rate-limited per client address", async () => {
    const w = await world();
    setRequest({ ip: "192.0.2.250" });
    const now = new Date();
    await prisma.rateLimitHit.createMany({ data: Array.from({ length: APPLICATION_SUBMIT_LIMIT.limit }, () => ({ bucket: APPLICATION_SUBMIT_LIMIT.bucket, key: "192.0.2.250", createdAt: now })) });
    const before = await counts();
    expect(await codeOf(submitApplication(await coded(fields(w.east.id)), pdf, "zh-Hans"))).toBe(`${E}.rateLimited`);
    expect(await counts()).toEqual(before);
    setRequest({ ip: "192.0.2.251" });
    expect(await codeOf(submitApplication(await coded(fields(w.east.id)), pdf, "zh-Hans"))).toBe("ok");
  });
});

describe("the contact e-mail is confirmed by a code before the portal writes to it (issue 10, hole 8)", () => {
  const mailsTo = (email: string) => prisma.outboxEmail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });

  it("without its code, or with a wrong one, nothing is written and nothing is sent; the e-mailed code works once", async () => {
    const w = await world();
    const input = fields(w.east.id);
    const before = await counts();
    expect(await codeOf(submitApplication(input, pdf, "zh-Hans"))).toBe(`${V}.emailCodeRequired@emailCode`);
    expect(await counts()).toEqual(before);
    expect(await mailsTo(input.contactEmail)).toEqual([]);

    // "Send code": one e-mail to the address, holding a 6-digit code; only its hash is stored.
    expect(await sendApplicationEmailCode(input.contactEmail.toUpperCase(), "en")).toEqual({ email: input.contactEmail, minutes: 15 });
    const [codeMail] = await mailsTo(input.contactEmail);
    const code = /\b(\d{6})\b/.exec(codeMail!.subject)![1]!;
    expect(codeMail!.body).toContain(code);
    const row = await prisma.emailConfirmation.findFirstOrThrow({ where: { email: input.contactEmail } });
    expect(JSON.stringify(row)).not.toContain(code);

    const wrong = code === "000000" ? "000001" : "000000";
    const mid = await counts();
    expect(await codeOf(submitApplication({ ...input, emailCode: wrong }, pdf, "zh-Hans"))).toBe(`${V}.emailCodeWrong@emailCode`);
    expect(await counts()).toEqual(mid);
    expect((await prisma.emailConfirmation.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(1);

    const { reference } = await submitApplication({ ...input, emailCode: code }, pdf, "zh-Hans");
    expect((await mailsTo(input.contactEmail)).map((m) => m.subject)).toEqual([codeMail!.subject, expect.stringContaining(reference)]);
    // Spent: a second application with the same code is refused.
    expect(await codeOf(submitApplication({ ...fields(w.east.id), contactEmail: input.contactEmail, emailCode: code }, pdf, "zh-Hans"))).toBe(`${V}.emailCodeMissing@emailCode`);
  });

  it("five wrong tries spend a code, and an expired code is refused", async () => {
    const w = await world();
    const input = fields(w.east.id);
    const { code } = await prisma.$transaction((tx) => newEmailCode(tx, input.contactEmail));
    const wrong = code === "000000" ? "000001" : "000000";
    for (let i = 0; i < EMAIL_CODE_MAX_ATTEMPTS; i++) expect(await codeOf(submitApplication({ ...input, emailCode: wrong }, pdf, "zh-Hans"))).toBe(`${V}.emailCodeWrong@emailCode`);
    expect(await codeOf(submitApplication({ ...input, emailCode: code }, pdf, "zh-Hans"))).toBe(`${V}.emailCodeMissing@emailCode`);
    const later = await prisma.$transaction((tx) => newEmailCode(tx, input.contactEmail, new Date(Date.now() - EMAIL_CODE_TTL_MS - 1000)));
    expect(await codeOf(submitApplication({ ...input, emailCode: later.code }, pdf, "zh-Hans"))).toBe(`${V}.emailCodeMissing@emailCode`);
  });

  it("code e-mails are limited per address (whoever asks) and per client address", async () => {
    const target = `victim-${Date.now()}@applicant.example`;
    for (let i = 0; i < EMAIL_CODE_ADDRESS_LIMIT.limit; i++) {
      setRequest({ ip: `192.0.2.${100 + i}` });
      await sendApplicationEmailCode(target, "zh-Hans");
    }
    setRequest({ ip: "192.0.2.120" });
    expect(await codeOf(sendApplicationEmailCode(target, "zh-Hans"))).toBe(`${E}.emailCodeRateLimited`);
    expect(await mailsTo(target)).toHaveLength(EMAIL_CODE_ADDRESS_LIMIT.limit);

    setRequest({ ip: "192.0.2.130" });
    for (let i = 0; i < EMAIL_CODE_IP_LIMIT.limit; i++) await sendApplicationEmailCode(`many-${i}-${Date.now()}@applicant.example`, "zh-Hans");
    const next = `one-more-${Date.now()}@applicant.example`;
    expect(await codeOf(sendApplicationEmailCode(next, "zh-Hans"))).toBe(`${E}.emailCodeRateLimited`);
    expect(await mailsTo(next)).toEqual([]);
    // A malformed address is a field error, not an e-mail.
    expect(await codeOf(sendApplicationEmailCode("not-an-address", "zh-Hans"))).toBe("email@contactEmail");
  });

  it("an amendment that changes the contact e-mail needs a code for the new address; one that keeps it does not", async () => {
    const w = await world();
    const { id, input } = await submit(w);
    await decide(w.users.eastOfficer, id, "RETURN", "请更正联系邮箱");
    const token = amendTokenFrom((await lastEmailTo(input.contactEmail)).body);
    const moved = fields(w.east.id, { ...input, contactEmail: `moved-${Date.now()}@applicant.example` });
    expect(await codeOf(amendApplication(token, moved, null, "zh-Hans"))).toBe(`${V}.emailCodeRequired@emailCode`);
    expect(await mailsTo(moved.contactEmail)).toEqual([]);
    await amendApplication(token, await coded(moved), null, "zh-Hans");
    expect((await prisma.agencyApplication.findUniqueOrThrow({ where: { id } })).contactEmail).toBe(moved.contactEmail);
  });
});

describe("who may act at each step", () => {
  it("district step: only the officer of that district; the city administrator cannot do it", async () => {
    const w = await world();
    const { id } = await submit(w);
    const before = await counts();
    // Another district's officer does not even see it.
    actAs(w.users.westOfficer);
    expect(await codeOf(decideApplication({ id, version: 1, decision: "APPROVE", reason: null }))).toBe("notFound");
    expect(await getApplication((await getCurrentUser())!, id)).toBeNull();
    // The city administrator sees it but may not do the district step (refusal audited).
    actAs(w.users.admin);
    expect(await codeOf(decideApplication({ id, version: 1, decision: "APPROVE", reason: null }))).toBe("authz:forbidden");
    expect(await codeOf(decideApplication({ id, version: 1, decision: "REJECT", reason: "no" }))).toBe("authz:forbidden");
    // Agency administrators have no access to applications at all.
    actAs(w.users.agencyAdmin);
    expect(await codeOf(decideApplication({ id, version: 1, decision: "APPROVE", reason: null }))).toBe("authz:forbidden");
    actAsNobody();
    expect(await codeOf(decideApplication({ id, version: 1, decision: "APPROVE", reason: null }))).toBe("authz:unauthenticated");
    expect(await counts()).toEqual(before);
    expect(await prisma.auditEvent.count({ where: { outcome: "DENIED", actorId: w.users.admin.id, action: "agencyApplications.reviewDistrict", entityId: id } })).toBe(2);
    expect((await state(id)).status).toBe("DISTRICT_REVIEW");

    await decide(w.users.eastOfficer, id, "APPROVE");
    expect(await state(id)).toMatchObject({ status: "CITY_REVIEW", version: 2, decidedAt: null });
  });

  it("city step: the district officer cannot do it, the city administrator can", async () => {
    const w = await world();
    const { id } = await submit(w);
    await decide(w.users.eastOfficer, id, "APPROVE");
    actAs(w.users.eastOfficer);
    expect(await codeOf(decideApplication({ id, version: 2, decision: "APPROVE", reason: null }))).toBe("authz:forbidden");
    expect(await codeOf(decideApplication({ id, version: 2, decision: "RETURN", reason: "x" }))).toBe("authz:forbidden");
    expect((await state(id)).status).toBe("CITY_REVIEW");
    await decide(w.users.admin, id, "APPROVE");
    expect((await state(id)).status).toBe("APPROVED");
  });

  it("reject and return need a reason; rejection is final and e-mails the applicant", async () => {
    const w = await world();
    const { id, input, reference } = await submit(w);
    actAs(w.users.eastOfficer);
    expect(ZReviewDecision.safeParse({ id, version: 1, decision: "REJECT", reason: " " }).success).toBe(false);
    expect(await codeOf(decideApplication({ id, version: 1, decision: "REJECT", reason: null }))).toBe(`${V}.reasonRequired@reason`);
    expect(await codeOf(decideApplication({ id, version: 1, decision: "RETURN", reason: null }))).toBe(`${V}.reasonRequired@reason`);
    expect((await state(id)).version).toBe(1);
    await decide(w.users.eastOfficer, id, "REJECT", "不属于社会工作服务机构");
    expect(await state(id)).toMatchObject({ status: "REJECTED", version: 2 });
    expect((await state(id)).decidedAt).not.toBeNull();
    const mail = await lastEmailTo(input.contactEmail);
    expect(mail.subject).toBe(`Agency application ${reference} rejected`);
    expect(mail.body).toContain("不属于社会工作服务机构");
    // Final: nobody may decide again.
    actAs(w.users.admin);
    expect(await codeOf(decideApplication({ id, version: 2, decision: "APPROVE", reason: null }))).toBe(`${E}.alreadyDecided`);
  });
});

describe("nobody decides twice", () => {
  it("a second click with the old version, and a stale version from another tab, are told it was already decided", async () => {
    const w = await world();
    const { id } = await submit(w);
    actAs(w.users.eastOfficer);
    await decideApplication({ id, version: 1, decision: "APPROVE", reason: null });
    const before = await counts();
    expect(await codeOf(decideApplication({ id, version: 1, decision: "APPROVE", reason: null }))).toBe(`${E}.alreadyDecided`);
    expect(await codeOf(decideApplication({ id, version: 1, decision: "REJECT", reason: "late" }))).toBe(`${E}.alreadyDecided`);
    actAs(w.users.admin);
    expect(await codeOf(decideApplication({ id, version: 1, decision: "APPROVE", reason: null }))).toBe(`${E}.alreadyDecided`);
    expect(await counts()).toEqual(before);
  });

  it("two reviewers racing: exactly one decision lands, one agency is created", async () => {
    const w = await world();
    const { id } = await submit(w);
    await decide(w.users.eastOfficer, id, "APPROVE");
    const second = await makeUser(prisma, { role: "CITY_ADMIN" });
    const before = await counts();
    actAs(w.users.admin);
    const a = codeOf(decideApplication({ id, version: 2, decision: "APPROVE", reason: null }));
    actAs(second);
    const b = codeOf(decideApplication({ id, version: 2, decision: "REJECT", reason: "duplicate" }));
    const outcomes = (await Promise.all([a, b])).sort();
    expect(outcomes).toEqual([`${E}.alreadyDecided`, "ok"].sort());
    const after = await state(id);
    expect(after.version).toBe(3);
    expect(await prisma.agencyApplicationEvent.count({ where: { applicationId: id, step: "CITY_REVIEW" } })).toBe(1);
    const created = after.status === "APPROVED" ? 1 : 0;
    expect((await counts()).organizations).toBe(before.organizations + created);
  });
});

describe("returned → amended → back to the step that returned it", () => {
  it("from the district step, with a new scan; the link works once", async () => {
    const w = await world();
    const { id, input } = await submit(w);
    await decide(w.users.eastOfficer, id, "RETURN", "请补充机构章程和场地证明");
    const returned = await state(id);
    expect(returned).toMatchObject({ status: "RETURNED", returnedFrom: "DISTRICT_REVIEW", version: 2 });
    expect(returned.amendTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    const mail = await lastEmailTo(input.contactEmail);
    expect(mail.body).toContain("请补充机构章程和场地证明");
    const token = amendTokenFrom(mail.body);
    // Only the token's hash is stored.
    expect(returned.amendTokenHash).toBe(hashToken(token));
    expect(mail.body).not.toContain(returned.amendTokenHash!);

    const shown = await applicationForAmendment(token);
    expect(shown?.events[0]?.reason).toBe("请补充机构章程和场地证明");
    // The reviewer cannot decide while it is with the applicant.
    actAs(w.users.eastOfficer);
    expect(await codeOf(decideApplication({ id, version: 2, decision: "APPROVE", reason: null }))).toBe(`${E}.alreadyDecided`);

    const oldFile = returned.registrationScanFileId!;
    const amended = fields(w.east.id, { ...input, serviceAreas: ["SCHOOLS"], address: "示例市东区和平路 2 号" });
    const result = await amendApplication(token, amended, { name: "new.png", bytes: TINY_PNG }, "zh-Hant");
    expect(result.status).toBe("DISTRICT_REVIEW");
    const after = await prisma.agencyApplication.findUniqueOrThrow({ where: { id }, include: { registrationScanFile: true, events: { orderBy: { at: "asc" } } } });
    expect(after).toMatchObject({ status: "DISTRICT_REVIEW", returnedFrom: null, amendTokenHash: null, amendTokenExpiresAt: null, address: "示例市东区和平路 2 号", serviceAreas: ["SCHOOLS"], locale: "zh_Hant", version: 3 });
    expect(after.registrationScanFile?.mimeType).toBe("image/png");
    expect(await prisma.storedFile.findUnique({ where: { id: oldFile } })).toBeNull();
    expect(after.events.map((e) => e.decision)).toEqual(["SUBMITTED", "RETURNED", "AMENDED"]);
    expect(await prisma.auditEvent.count({ where: { entityId: id, action: "agencyApplications.amend", actorId: null } })).toBe(1);

    // Used: the same link changes nothing.
    const before = await counts();
    expect(await applicationForAmendment(token)).toBeNull();
    expect(await codeOf(amendApplication(token, amended, null, "zh-Hans"))).toBe(`${E}.amendLinkInvalid`);
    expect(await codeOf(amendApplication("x".repeat(43), amended, null, "zh-Hans"))).toBe(`${E}.amendLinkInvalid`);
    expect(await counts()).toEqual(before);

    // And it goes on through the district officer.
    await decide(w.users.eastOfficer, id, "APPROVE");
    expect((await state(id)).status).toBe("CITY_REVIEW");
  });

  it("from the city step, back to the city step, keeping the scan; an expired link changes nothing", async () => {
    const w = await world();
    const { id, input } = await submit(w);
    await decide(w.users.eastOfficer, id, "APPROVE");
    await decide(w.users.admin, id, "RETURN", "法定代表人姓名与证书不符");
    expect(await state(id)).toMatchObject({ status: "RETURNED", returnedFrom: "CITY_REVIEW" });
    const token = amendTokenFrom((await lastEmailTo(input.contactEmail)).body);
    const file = (await state(id)).registrationScanFileId;

    // Expired: nothing changes.
    const realExpiry = (await state(id)).amendTokenExpiresAt;
    await prisma.agencyApplication.update({ where: { id }, data: { amendTokenExpiresAt: new Date(Date.now() - 1000) } });
    const before = await counts();
    expect(await applicationForAmendment(token)).toBeNull();
    expect(await codeOf(amendApplication(token, fields(w.east.id, { ...input, legalRepresentative: "王正确" }), null, "en"))).toBe(`${E}.amendLinkInvalid`);
    expect(await counts()).toEqual(before);
    await prisma.agencyApplication.update({ where: { id }, data: { amendTokenExpiresAt: realExpiry } });

    // Invalid input through the link writes nothing either.
    expect(await codeOf(amendApplication(token, fields(w.eastStreet.id, { ...input, regionId: w.eastStreet.id }), null, "en"))).toBe(`${V}.districtRequired@regionId`);
    expect(await counts()).toEqual(before);

    await amendApplication(token, fields(w.east.id, { ...input, legalRepresentative: "王正确" }), null, "en");
    expect(await state(id)).toMatchObject({ status: "CITY_REVIEW", returnedFrom: null, registrationScanFileId: file });
    // The district officer still cannot do the city step.
    actAs(w.users.eastOfficer);
    expect(await codeOf(decideApplication({ id, version: (await state(id)).version, decision: "APPROVE", reason: null }))).toBe("authz:forbidden");
    await decide(w.users.admin, id, "APPROVE");
    const org = await prisma.organization.findFirstOrThrow({ where: { application: { id } } });
    expect(org.legalRepresentative).toBe("王正确");
  });
});

describe("final approval", () => {
  it("creates the agency, its status history, the administrator account and the set-password e-mail in one go", async () => {
    const w = await world();
    const { id, input, reference } = await submit(w);
    await decide(w.users.eastOfficer, id, "APPROVE");
    const before = await counts();
    await decide(w.users.admin, id, "APPROVE");
    expect(await counts()).toEqual({
      ...before,
      events: before.events + 1,
      organizations: before.organizations + 1,
      statusChanges: before.statusChanges + 1,
      users: before.users + 1,
      passwordTokens: before.passwordTokens + 1,
      outbox: before.outbox + 2,
      audit: before.audit + 3,
    });
    const app = await state(id);
    expect(app.status).toBe("APPROVED");
    expect(app.decidedAt).not.toBeNull();
    const org = await prisma.organization.findUniqueOrThrow({ where: { id: app.organizationId! }, include: { agencyStatusHistory: true, users: true } });
    expect(org).toMatchObject({
      kind: "AGENCY",
      name: input.name,
      creditCode: input.creditCode,
      regionId: w.east.id,
      agencyStatus: "ACTIVE",
      agencyStatusSince: todayInCity(),
      isPrivate: true,
      legalRepresentative: input.legalRepresentative,
      address: input.address,
      foundedOn: input.foundedOn,
      serviceAreas: input.serviceAreas,
      targetGroups: input.targetGroups,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      contactEmail: input.contactEmail,
    });
    expect(org.agencyStatusHistory).toHaveLength(1);
    expect(org.agencyStatusHistory[0]).toMatchObject({ status: "ACTIVE", effectiveFrom: todayInCity(), actorId: w.users.admin.id });
    expect(org.agencyStatusHistory[0]!.reason).toContain(reference);
    expect(org.users).toHaveLength(1);
    expect(org.users[0]).toMatchObject({ role: "AGENCY_ADMIN", email: input.contactEmail, name: input.contactName, locale: "en", passwordHash: null });

    const audits = await prisma.auditEvent.findMany({ where: { actorId: w.users.admin.id, outcome: "SUCCESS" }, orderBy: { id: "asc" }, select: { action: true, entity: true } });
    expect(audits.map((a) => a.action)).toEqual(["agencies.create", "users.create", "agencyApplications.approve"]);

    const mails = await prisma.outboxEmail.findMany({ where: { to: input.contactEmail } });
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [`Agency application ${reference} received`, `Agency application ${reference}: passed on to the city review`, "Social-Work Workforce Portal: set your password", `Agency application ${reference} approved`].sort(),
    );
    const welcome = mails.find((m) => m.subject === "Social-Work Workforce Portal: set your password")!;
    const link = /\/set-password\?token=(\S+)/.exec(welcome.body);
    expect(link).not.toBeNull();
    // The new administrator sets a password with the link.
    await expect(setPasswordWithToken({ token: decodeURIComponent(link![1]!), newPassword: "a quiet river at dawn 2026" })).resolves.toEqual({ email: input.contactEmail });
  });

  it("is refused while the contact e-mail already has an account: nothing is written", async () => {
    const w = await world();
    const { id, input } = await submit(w);
    await decide(w.users.eastOfficer, id, "APPROVE");
    await makeUser(prisma, { role: "PRACTITIONER", email: input.contactEmail.toUpperCase() });
    const before = await counts();
    actAs(w.users.admin);
    expect(await codeOf(decideApplication({ id, version: 2, decision: "APPROVE", reason: null }))).toBe(`${E}.adminEmailTaken`);
    expect(await counts()).toEqual(before);
    expect(await state(id)).toMatchObject({ status: "CITY_REVIEW", version: 2, organizationId: null });
    // The reviewer can return it instead, asking for another e-mail.
    await decide(w.users.admin, id, "RETURN", "请提供新的联系邮箱");
    expect((await state(id)).status).toBe("RETURNED");
  });

  it("is refused when the credit code was registered meanwhile", async () => {
    const w = await world();
    const { id, input } = await submit(w);
    await decide(w.users.eastOfficer, id, "APPROVE");
    await makeOrganization(prisma, { kind: "AGENCY", regionId: w.west.id, creditCode: input.creditCode });
    const before = await counts();
    actAs(w.users.admin);
    expect(await codeOf(decideApplication({ id, version: 2, decision: "APPROVE", reason: null }))).toBe(`${E}.creditCodeRegistered`);
    expect(await counts()).toEqual(before);
  });
});

describe("the review queue and the registration scan", () => {
  it("lists applications in scope, newest first, with filters and search", async () => {
    const w = await world();
    const a = await submit(w);
    const b = await submit(w);
    const west = await submitApplication(await coded(fields(w.west.id)), pdf, "zh-Hans");
    await decide(w.users.eastOfficer, a.id, "APPROVE");

    actAs(w.users.admin);
    const admin = (await getCurrentUser())!;
    // The city administrator sees the whole city, other tests' applications included: look at ours.
    const ours = new Set([a.id, b.id, west.id]);
    const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id).filter((id) => ours.has(id));
    expect(ids(await listApplications(admin, { page: 1, pageSize: 100 }))).toEqual([west.id, b.id, a.id]);
    expect(ids(await listApplications(admin, { page: 1, pageSize: 100, status: "CITY_REVIEW" }))).toEqual([a.id]);
    expect((await listApplications(admin, { page: 1, district: w.west.id })).items.map((i) => i.id)).toEqual([west.id]);
    expect((await listApplications(admin, { page: 1, q: b.reference })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await listApplications(admin, { page: 1, q: a.input.creditCode.slice(4, 14) })).items.map((i) => i.id)).toEqual([a.id]);
    // A reference or credit code typed in lower case, full-width or with other separators finds the same application.
    const fullWidth = (x: string) => [...x].map((ch) => (ch === "-" ? "－" : String.fromCodePoint(ch.codePointAt(0)! + 0xfee0))).join("");
    const [, year, seq] = /^SA-(\d{4})-(\d+)$/.exec(b.reference)!;
    for (const q of [b.reference.toLowerCase(), `sa${year}${seq}`, fullWidth(b.reference), ` SA ${year} ${seq} `, `SA—${year}—${seq}`, `sa-${year}-${Number(seq)}`]) {
      expect((await listApplications(admin, { page: 1, q })).items.map((i) => i.id), q).toEqual([b.id]);
    }
    const code = a.input.creditCode;
    for (const q of [code.toLowerCase(), `${code.slice(0, 6)} ${code.slice(6, 12)}-${code.slice(12)}`, fullWidth(code)]) {
      expect((await listApplications(admin, { page: 1, q })).items.map((i) => i.id), q).toEqual([a.id]);
    }
    const paged = await listApplications(admin, { page: 2, pageSize: 1, district: w.east.id });
    expect([paged.pageCount, paged.total, paged.items.map((i) => i.id)]).toEqual([2, 2, [a.id]]);

    actAs(w.users.eastOfficer);
    const east = (await getCurrentUser())!;
    expect((await listApplications(east, { page: 1 })).items.map((i) => i.id)).toEqual([b.id, a.id]);
    // Filtering by another district shows nothing rather than widening the scope.
    expect((await listApplications(east, { page: 1, district: w.west.id })).items).toEqual([]);
  });

  it("serves the registration scan only to reviewers who may see the application, and audits each download", async () => {
    const w = await world();
    const { id } = await submit(w);
    const get = () => downloadRegistrationScan(new Request("http://localhost/x"), { params: Promise.resolve({ id }) });
    actAsNobody();
    expect((await get()).status).toBe(401);
    actAs(w.users.westOfficer);
    expect((await get()).status).toBe(404);
    actAs(w.users.agencyAdmin);
    expect((await get()).status).toBe(404);
    actAs(w.users.eastOfficer);
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(TINY_PDF);
    expect(await prisma.auditEvent.count({ where: { action: "files.download", actorId: w.users.eastOfficer.id } })).toBe(1);
  });
});

describe("the district's comment for the city (issue 11, item 10)", () => {
  it("passing on, the district leaves a comment the city reads with who and when; it is in the history and the audit entry, never in the applicant's e-mails", async () => {
    const w = await world();
    const { id, input } = await submit(w);
    const comment = "已实地核查办公场所，章程与登记证书一致。";
    await decide(w.users.eastOfficer, id, "APPROVE", undefined, `  ${comment}  `);
    const event = await prisma.agencyApplicationEvent.findFirstOrThrow({ where: { applicationId: id, decision: "APPROVED" } });
    expect(event).toMatchObject({ step: "DISTRICT_REVIEW", commentForCity: comment, reason: null, actorId: w.users.eastOfficer.id, actorName: "东区专员" });
    // The city administrator's view of the application carries it, with who wrote it and when.
    actAs(w.users.admin);
    const app = (await getApplication((await getCurrentUser())!, id))!;
    expect(app.events.filter((e) => e.commentForCity).map((e) => [e.commentForCity, e.actorName, e.at.getTime()])).toEqual([[comment, "东区专员", event.at.getTime()]]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "agencyApplications.approve", entityId: id } });
    expect(audit.actorId).toBe(w.users.eastOfficer.id);
    expect(audit.after).toMatchObject({ status: "CITY_REVIEW", commentForCity: comment });
    // The applicant is e-mailed at this step, but never the comment.
    const mails = await prisma.outboxEmail.findMany({ where: { to: input.contactEmail } });
    expect(mails.length).toBe(2);
    expect(mails.some((m) => m.body.includes(comment) || m.subject.includes(comment))).toBe(false);
  });

  it("returning, the district may leave one too; the city step and a rejection may not (refused, nothing written)", async () => {
    const w = await world();
    const { id } = await submit(w);
    actAs(w.users.eastOfficer);
    expect(await codeOf(decideApplication({ id, version: 1, decision: "REJECT", reason: "不符合条件", commentForCity: "内部说明" }))).toBe(`${V}.commentForCityNotAllowed@commentForCity`);
    expect((await state(id)).version).toBe(1);
    await decide(w.users.eastOfficer, id, "RETURN", "请补充章程", "申请人曾电话咨询，材料基本齐全");
    expect(await prisma.agencyApplicationEvent.findFirstOrThrow({ where: { applicationId: id, decision: "RETURNED" } })).toMatchObject({ reason: "请补充章程", commentForCity: "申请人曾电话咨询，材料基本齐全" });

    const other = await submit(w);
    await decide(w.users.eastOfficer, other.id, "APPROVE");
    expect(await prisma.agencyApplicationEvent.findFirstOrThrow({ where: { applicationId: other.id, decision: "APPROVED" } })).toMatchObject({ commentForCity: null });
    const before = await counts();
    actAs(w.users.admin);
    expect(await codeOf(decideApplication({ id: other.id, version: 2, decision: "APPROVE", reason: null, commentForCity: "市级自己的说明" }))).toBe(`${V}.commentForCityNotAllowed@commentForCity`);
    expect(await counts()).toEqual(before);
  });
});

describe("every step the application page promises e-mails the applicant (issue 11, item 10)", () => {
  it("passing on to the city e-mails the applicant in their language, with the link to the status page", async () => {
    const w = await world();
    const en = await submit(w);
    const zh = await submitApplication(await coded(fields(w.east.id)), pdf, "zh-Hans");
    const zhEmail = (await prisma.agencyApplication.findUniqueOrThrow({ where: { id: zh.id } })).contactEmail;
    const before = await counts();
    await decide(w.users.eastOfficer, en.id, "APPROVE");
    await decide(w.users.eastOfficer, zh.id, "APPROVE");
    expect((await counts()).outbox).toBe(before.outbox + 2);

    const mail = await lastEmailTo(en.input.contactEmail);
    expect(mail.subject).toBe(`Agency application ${en.reference}: passed on to the city review`);
    expect(mail.body).toContain(en.input.name);
    expect(mail.body).toContain(`/public/agencies/status?ref=${en.reference}`);
    const zhMail = await lastEmailTo(zhEmail);
    expect(zhMail.subject).toBe(`机构准入申请 ${zh.reference} 已通过区级初审`);
    expect(zhMail.body).toContain("已转交市民政局终审");
    expect(zhMail.body).toContain(`/public/agencies/status?ref=${zh.reference}`);
  });

  it("each step's e-mail links to the status page: received, returned, amended, rejected, approved", async () => {
    const w = await world();
    const { id, input, reference } = await submit(w);
    await decide(w.users.eastOfficer, id, "RETURN", "请补充");
    const token = amendTokenFrom((await lastEmailTo(input.contactEmail)).body);
    await amendApplication(token, fields(w.east.id, { ...input, creditCode: input.creditCode }), null, "en");
    await decide(w.users.eastOfficer, id, "APPROVE");
    await decide(w.users.admin, id, "APPROVE");
    const rejected = await submit(w);
    await decide(w.users.eastOfficer, rejected.id, "REJECT", "不符合条件");
    const subjects = (await prisma.outboxEmail.findMany({ where: { to: { in: [input.contactEmail, rejected.input.contactEmail] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }))
      .filter((m) => !m.subject.includes("set your password"))
      .map((m) => [m.subject.replace(/SA-\d{4}-\d+/, "REF"), m.body.includes("/public/agencies/status?ref=SA-")]);
    expect(subjects).toEqual([
      ["Agency application REF received", true],
      ["Agency application REF: more information needed", true],
      ["Amended agency application REF received", true],
      ["Agency application REF: passed on to the city review", true],
      ["Agency application REF approved", true],
      ["Agency application REF received", true],
      ["Agency application REF rejected", true],
    ]);
    expect(reference).toMatch(/^SA-/);
  });
});

describe("the public status page (issue 11, item 10)", () => {
  const look = (reference: string, email: string) => lookupApplicationStatus(ZApplicationStatusLookup.parse({ reference, email }));

  it("shows the steps with their dates for the reference and the e-mail it was filed with, typed in any case or form", async () => {
    const w = await world();
    const { id, input, reference } = await submit(w);
    await decide(w.users.eastOfficer, id, "APPROVE", undefined, "仅供市级参考的内部说明");
    actAsNobody();
    const [, year, seq] = /^SA-(\d{4})-(\d+)$/.exec(reference)!;
    const result = await look(`sa ${year} ${Number(seq)}`, input.contactEmail.toUpperCase());
    const events = await prisma.agencyApplicationEvent.findMany({ where: { applicationId: id }, orderBy: { at: "asc" } });
    expect(result).toEqual({
      reference,
      agency: input.name,
      status: "CITY_REVIEW",
      returnedFrom: null,
      submittedAt: expect.any(Date),
      decidedAt: null,
      amendUntil: null,
      steps: events.map((e) => ({ step: e.step, decision: e.decision, at: e.at })),
      reason: null,
    });
    expect(result.steps.map((s) => s.decision)).toEqual(["SUBMITTED", "APPROVED"]);
    // Nothing the applicant did not give or was not told: no reviewer, no comment for the city.
    const text = JSON.stringify(result);
    for (const hidden of ["仅供市级参考的内部说明", "东区专员", w.users.eastOfficer.id, input.contactPhone, input.creditCode]) expect(text).not.toContain(hidden);
  });

  it("a wrong e-mail, a wrong reference or both get the same neutral answer", async () => {
    const w = await world();
    const { input, reference } = await submit(w);
    const other = await submit(w);
    actAsNobody();
    const answers = await Promise.all([
      codeOf(look(reference, "someone.else@example.org")),
      codeOf(look(reference, other.input.contactEmail)),
      codeOf(look("SA-2099-99999", input.contactEmail)),
      codeOf(look("SA-2099-99999", "someone.else@example.org")),
    ]);
    expect(answers).toEqual(Array(4).fill("agencyApplications.errors.statusNotFound"));
  });

  it("returned or rejected, it shows the reason addressed to the applicant and until when the amend link works", async () => {
    const w = await world();
    const a = await submit(w);
    await decide(w.users.eastOfficer, a.id, "RETURN", "请补充章程扫描件", "内部：材料基本齐全");
    const returned = await look(a.reference, a.input.contactEmail);
    const app = await prisma.agencyApplication.findUniqueOrThrow({ where: { id: a.id } });
    expect(returned).toMatchObject({ status: "RETURNED", returnedFrom: "DISTRICT_REVIEW", reason: "请补充章程扫描件", amendUntil: app.amendTokenExpiresAt });
    expect(JSON.stringify(returned)).not.toContain("内部：材料基本齐全");
    // Once the link has expired, the page says so (no date of a link that no longer works).
    await prisma.agencyApplication.update({ where: { id: a.id }, data: { amendTokenExpiresAt: new Date(Date.now() - 1000) } });
    expect((await look(a.reference, a.input.contactEmail)).amendUntil).toBeNull();

    const b = await submit(w);
    await decide(w.users.eastOfficer, b.id, "APPROVE");
    await decide(w.users.admin, b.id, "REJECT", "不属于社会工作服务机构");
    expect(await look(b.reference, b.input.contactEmail)).toMatchObject({ status: "REJECTED", reason: "不属于社会工作服务机构", decidedAt: expect.any(Date) });
    // An application still in review shows no reason, even if one was given at an earlier step.
    const c = await submit(w);
    await decide(w.users.eastOfficer, c.id, "RETURN", "请更正地址");
    await amendApplication(amendTokenFrom((await lastEmailTo(c.input.contactEmail)).body), fields(w.east.id, { ...c.input }), null, "en");
    expect(await look(c.reference, c.input.contactEmail)).toMatchObject({ status: "DISTRICT_REVIEW", reason: null });
  });

  it("is rate-limited per client address like the public register, right or wrong", async () => {
    const w = await world();
    const { input, reference } = await submit(w);
    setRequest({ ip: "198.51.100.250" });
    await prisma.rateLimitHit.deleteMany({ where: { bucket: APPLICATION_STATUS_LIMIT.bucket } });
    for (let i = 0; i < APPLICATION_STATUS_LIMIT.limit - 1; i++) expect(await codeOf(look(reference, `guess-${i}@example.org`))).toBe("agencyApplications.errors.statusNotFound");
    expect((await look(reference, input.contactEmail)).reference).toBe(reference);
    expect(await codeOf(look(reference, input.contactEmail))).toBe("agencyApplications.errors.statusRateLimited");
    // Another client is not affected.
    setRequest({ ip: "198.51.100.251" });
    expect((await look(reference, input.contactEmail)).reference).toBe(reference);
  });

  it("the form's action answers in states the page shows: field errors, the neutral answer, or the result", async () => {
    const w = await world();
    const { input, reference } = await submit(w);
    const form = (data: Record<string, string>) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(data)) fd.set(k, v);
      return lookupApplicationStatusAction({ ok: false }, fd);
    };
    expect(await form({ reference: "", email: "" })).toMatchObject({ ok: false, error: "checkFields", fieldErrors: { reference: "required", email: "required" } });
    expect(await form({ reference: reference, email: "nobody@example.org" })).toMatchObject({ ok: false, error: "agencyApplications.errors.statusNotFound", values: { reference, email: "nobody@example.org" } });
    const ok = await form({ reference: reference.toLowerCase(), email: input.contactEmail });
    expect(ok).toMatchObject({ ok: true, result: { reference, status: "DISTRICT_REVIEW" }, values: { reference: reference.toLowerCase() } });
  });
});

describe("the registration scan in the page's viewer (issue 11, item 10)", () => {
  it("is served inline, with the viewer's headers, to exactly those who may download it; each view is audited", async () => {
    const w = await world();
    const { id, reference } = await submit(w);
    const view = () => viewRegistrationScan(new Request("http://localhost/x"), { params: Promise.resolve({ id }) });
    actAsNobody();
    expect((await view()).status).toBe(401);
    for (const who of [w.users.westOfficer, w.users.agencyAdmin]) {
      actAs(who);
      expect((await view()).status, who.email).toBe(404);
    }
    for (const who of [w.users.eastOfficer, w.users.admin]) {
      actAs(who);
      const res = await view();
      expect(res.status, who.email).toBe(200);
      expect(Object.fromEntries(res.headers)).toMatchObject({
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="registration-certificate-${reference}.pdf"; filename*=UTF-8''registration-certificate-${reference}.pdf`,
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox",
      });
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(TINY_PDF);
    }
    const views = await prisma.auditEvent.findMany({ where: { action: "files.view" }, select: { actorId: true, entity: true, after: true } });
    expect(views.map((v) => v.actorId).sort()).toEqual([w.users.eastOfficer.id, w.users.admin.id].sort());
    expect(views[0]).toMatchObject({ entity: "StoredFile", after: { agencyApplicationId: id, reference } });
    // A stored type the viewer does not show is download only.
    const app = await prisma.agencyApplication.findUniqueOrThrow({ where: { id }, select: { registrationScanFileId: true } });
    await prisma.storedFile.update({ where: { id: app.registrationScanFileId! }, data: { mimeType: "application/octet-stream" } });
    actAs(w.users.eastOfficer);
    expect((await view()).status).toBe(404);
    expect((await downloadRegistrationScan(new Request("http://localhost/x"), { params: Promise.resolve({ id }) })).status).toBe(200);
  });
});

