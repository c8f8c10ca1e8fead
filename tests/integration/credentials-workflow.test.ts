import fsp from "node:fs/promises";
import { describe, expect, it } from "vitest";

import { actAs, actAsNobody } from "../helpers/fake-auth";
import { codeOf, uploadsDir } from "../helpers/integration";
import { TINY_PDF, TINY_PNG } from "@/server/seed/scan-files";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { employerRegion, recomputePractitioner } from "@/server/practitioners/derived-facts";
import { rejectCredential, revokeCredential, submitCredential, verifyCredential } from "@/server/credentials/mutations";
import { credentialsOfPractitioner, myProfile, scanForDownload, verificationQueue } from "@/server/credentials/queries";
import { runMaintenance, withMaintenanceLock } from "@/server/maintenance/jobs";
import { getCurrentUser } from "@/server/auth/session";
import { ZCredentialWithReason, ZSubmitCredential, MAX_SCAN_BYTES } from "@/domain/credentials/schemas";
import { GET as downloadFile } from "@/app/api/files/[id]/route";
import { GET as viewFile } from "@/app/api/files/[id]/inline/route";


async function practitionerAt(organizationId: string, data: Record<string, unknown> = {}) {
  const p = await makePractitioner(prisma, { organizationId, entryDate: new Date("2020-01-01T00:00:00Z"), ...data });
  const where = await employerRegion(prisma, organizationId);
  await prisma.practitioner.update({ where: { id: p.id }, data: where });
  return p;
}

async function world() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const east = await makeRegion(prisma, { level: "DISTRICT", parent: city });
  const west = await makeRegion(prisma, { level: "DISTRICT", parent: city });
  const eastStreet = await makeRegion(prisma, { level: "STREET", parent: east });
  const agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: eastStreet.id });
  const otherAgency = await makeOrganization(prisma, { kind: "AGENCY", regionId: west.id });
  const worker = await practitionerAt(agency.id);
  const colleague = await practitionerAt(agency.id);
  const westWorker = await practitionerAt(otherAgency.id);
  const users = {
    admin: await makeUser(prisma, { role: "CITY_ADMIN" }),
    eastOfficer: await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: east.id }),
    westOfficer: await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: west.id }),
    agencyAdmin: await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agency.id }),
    otherAgencyAdmin: await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: otherAgency.id }),
    worker: await makeUser(prisma, { role: "PRACTITIONER", practitionerId: worker.id }),
    evaluator: await makeUser(prisma, { role: "EVALUATOR", organizationId: otherAgency.id }),
  };
  return { city, east, west, agency, otherAgency, worker, colleague, westWorker, users };
}

const input = (practitionerId: string, over: Record<string, unknown> = {}) =>
  ZSubmitCredential.parse({ practitionerId, kind: "SOCIAL_WORKER", number: `SW-${Math.random().toString(36).slice(2, 10)}`, issuingAuthority: "人力资源和社会保障部", issueDate: "2024-03-01", registrationNumber: `DJ-${Math.random().toString(36).slice(2, 10)}`, registrationStart: "2024-05-02", ...over });
const png = { name: "证书.png", bytes: TINY_PNG };

async function counts() {
  const [credentials, events, files, audit] = await Promise.all([prisma.credential.count(), prisma.credentialEvent.count(), prisma.storedFile.count(), prisma.auditEvent.count({ where: { outcome: "SUCCESS" } })]);
  const onDisk = (await fsp.readdir(uploadsDir(), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
  return { credentials, events, files, audit, onDisk };
}

const facts = (id: string) => prisma.practitioner.findUniqueOrThrow({ where: { id }, select: { isQualified: true, qualifiedSince: true, qualificationLevel: true, g1SocialWorker: true } });
const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe("the verification workflow", () => {
  it("submit → verify: events, audit, the stored scan and the counted status", async () => {
    const w = await world();
    actAs(w.users.worker);
    const before = await counts();
    const c = await submitCredential(input(w.worker.id, { number: "sw-001" }), png);
    // Stored canonical, as every look-up compares it.
    expect(c).toMatchObject({ number: "SW001", status: "SUBMITTED", submittedById: w.users.worker.id, version: 1 });
    expect(await counts()).toEqual({ ...before, credentials: before.credentials + 1, events: before.events + 1, files: before.files + 1, audit: before.audit + 1, onDisk: before.onDisk + 1 });
    const file = await prisma.storedFile.findUniqueOrThrow({ where: { id: c.scanFileId! } });
    expect(file).toMatchObject({ mimeType: "image/png", size: TINY_PNG.byteLength, originalName: "证书.png" });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file.storageKey).not.toContain("证书");
    expect((await facts(w.worker.id)).isQualified).toBe(false);

    actAs(w.users.eastOfficer);
    const verified = await verifyCredential({ id: c.id, version: 1 });
    expect(verified).toMatchObject({ status: "VERIFIED", verifiedById: w.users.eastOfficer.id, version: 2 });
    expect(await facts(w.worker.id)).toEqual({ isQualified: true, qualifiedSince: day("2024-03-01"), qualificationLevel: "SOCIAL_WORKER", g1SocialWorker: true });
    const events = await prisma.credentialEvent.findMany({ where: { credentialId: c.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.actorId])).toEqual([
      [null, "SUBMITTED", w.users.worker.id],
      ["SUBMITTED", "VERIFIED", w.users.eastOfficer.id],
    ]);
    const audit = await prisma.auditEvent.findMany({ where: { entity: "Credential", entityId: c.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["credentials.submit", w.users.worker.id],
      ["credentials.verify", w.users.eastOfficer.id],
    ]);
    // A stale second click is refused.
    expect(await codeOf(verifyCredential({ id: c.id, version: 1 }))).toBe("stale");
    expect(await codeOf(verifyCredential({ id: c.id, version: 2 }))).toBe("invalidTransition");
  });

  it("reject needs a reason; the reason reaches the practitioner", async () => {
    const w = await world();
    actAs(w.users.agencyAdmin);
    const c = await submitCredential(input(w.worker.id), png);
    actAs(w.users.admin);
    expect(ZCredentialWithReason.safeParse({ id: c.id, version: 1, reason: "  " }).success).toBe(false);
    expect(await codeOf(rejectCredential({ id: c.id, version: 1, reason: "  " }))).toBe("reasonRequired@reason");
    expect((await prisma.credential.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("SUBMITTED");
    await rejectCredential(ZCredentialWithReason.parse({ id: c.id, version: 1, reason: "扫描件模糊，请重新上传" }));
    actAs(w.users.worker);
    const me = await myProfile((await getCurrentUser())!);
    expect(me!.rejected.map((r) => r.statusReason)).toEqual(["扫描件模糊，请重新上传"]);
    const ev = await prisma.credentialEvent.findFirstOrThrow({ where: { credentialId: c.id, toStatus: "REJECTED" } });
    expect(ev).toMatchObject({ reason: "扫描件模糊，请重新上传", actorId: w.users.admin.id });
    // A rejected credential may be submitted again with the same number.
    expect(await codeOf(submitCredential(input(w.worker.id, { number: c.number }), png))).toBe("ok");
  });

  it("revoke needs a reason and stops counting; a new certificate counts again", async () => {
    const w = await world();
    actAs(w.users.worker);
    const c = await submitCredential(input(w.worker.id), png);
    actAs(w.users.eastOfficer);
    await verifyCredential({ id: c.id, version: 1 });
    expect((await facts(w.worker.id)).isQualified).toBe(true);
    expect(await codeOf(revokeCredential({ id: c.id, version: 2, reason: "" }))).toBe("reasonRequired@reason");
    await revokeCredential({ id: c.id, version: 2, reason: "证书经发证机关核实为无效" });
    expect(await facts(w.worker.id)).toMatchObject({ isQualified: false, qualificationLevel: "NONE" });
    expect(await codeOf(revokeCredential({ id: c.id, version: 3, reason: "again" }))).toBe("invalidTransition");
    // The agency submits a new certificate; the district verifies it: counted again.
    actAs(w.users.agencyAdmin);
    const renewed = await submitCredential(input(w.worker.id, { issueDate: "2025-01-10", registrationStart: "2025-01-10" }), { name: "renew.pdf", bytes: TINY_PDF });
    actAs(w.users.eastOfficer);
    await verifyCredential({ id: renewed.id, version: 1 });
    expect(await facts(w.worker.id)).toMatchObject({ isQualified: true, qualificationLevel: "SOCIAL_WORKER" });
  });

  it("nobody verifies their own: not the practitioner, not the submitter", async () => {
    const w = await world();
    // A district officer who is also in the register as a practitioner (linked account).
    const officerAsWorker = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: w.east.id, practitionerId: w.colleague.id });
    actAs(w.users.agencyAdmin);
    const own = await submitCredential(input(w.colleague.id), png);
    actAs(officerAsWorker);
    expect(await codeOf(verifyCredential({ id: own.id, version: 1 }))).toBe("cannotDecideOwn");
    expect(await codeOf(rejectCredential({ id: own.id, version: 1, reason: "x" }))).toBe("cannotDecideOwn");
    // The officer submitted this one themselves.
    actAs(w.users.eastOfficer);
    const submitted = await submitCredential(input(w.worker.id), png);
    expect(await codeOf(verifyCredential({ id: submitted.id, version: 1 }))).toBe("cannotDecideOwn");
    expect((await prisma.credential.findUniqueOrThrow({ where: { id: submitted.id } })).status).toBe("SUBMITTED");
    // The practitioner has no verify permission at all.
    actAs(w.users.worker);
    expect(await codeOf(verifyCredential({ id: own.id, version: 1 }))).toBe("authz:forbidden");
    // The city administrator decides on both.
    actAs(w.users.admin);
    expect(await codeOf(verifyCredential({ id: submitted.id, version: 1 }))).toBe("ok");
  });

  it("refuses a duplicate of a pending or verified credential as a field error", async () => {
    const w = await world();
    actAs(w.users.worker);
    await submitCredential(input(w.worker.id, { number: "DUP-1" }), png);
    const before = await counts();
    expect(await codeOf(submitCredential(input(w.worker.id, { number: "dup-1" }), png))).toBe("duplicateCredential@number");
    expect(await counts()).toEqual(before);
    // Another kind with the same number is a different credential.
    expect(await codeOf(submitCredential(input(w.worker.id, { number: "DUP-1", kind: "SOCIAL_WORK_DEGREE", degreeLevel: "BACHELOR" }), png))).toBe("ok");
  });
});

describe("My profile", () => {
  it("lists what is pending and what was rejected, with each certificate's registration", async () => {
    const w = await world();
    actAs(w.users.worker);
    const verified = await submitCredential(input(w.worker.id, { issueDate: "2022-01-01", registrationNumber: "DJ-ME-1", registrationStart: "2023-04-01" }), png);
    const pending = await submitCredential(input(w.worker.id, { kind: "ASSISTANT_SOCIAL_WORKER" }), png);
    actAs(w.users.eastOfficer);
    await verifyCredential({ id: verified.id, version: 1 });
    actAs(w.users.worker);
    const me = (await myProfile((await getCurrentUser())!))!;
    expect(me.pending.map((c) => c.id)).toEqual([pending.id]);
    // The registration given with the certificate: three years from its start (settings default).
    const reg = me.credentials.find((c) => c.id === verified.id)!.registration!;
    expect([reg.number, reg.periodStart, reg.periodEnd]).toEqual(["DJME1", day("2023-04-01"), day("2026-03-31")]);
    expect(await prisma.practitioner.findUniqueOrThrow({ where: { id: w.worker.id }, select: { registrationEnd: true } })).toEqual({ registrationEnd: day("2026-03-31") });
    expect(me.practitioner.id).toBe(w.worker.id);
    // At a glance: continuing-education hours waiting are counted as hours, apart from credentials
    // (issue 11 review, item J); verified and rejected hours are not waiting.
    expect(me.pendingCpdHours).toBe(0);
    const entry = { practitionerId: w.worker.id, kind: "EXTERNAL" as const, title: "个案管理研修", provider: "示例大学", startDate: day("2026-03-01"), endDate: day("2026-03-02") };
    await prisma.cpdEntry.createMany({ data: [{ ...entry, halfHours: 12 }, { ...entry, halfHours: 3 }, { ...entry, halfHours: 8, status: "VERIFIED" }, { ...entry, halfHours: 4, status: "REJECTED" }] });
    expect((await myProfile((await getCurrentUser())!))!.pendingCpdHours).toBe(7.5);
    // Someone who is not a practitioner has no profile of their own.
    actAs(w.users.admin);
    expect(await myProfile((await getCurrentUser())!)).toBeNull();
  });
});

describe("uploads", () => {
  it("a too-large, a wrong-type or a missing scan is refused and nothing is written", async () => {
    const w = await world();
    actAs(w.users.worker);
    const before = await counts();
    const big = new Uint8Array(MAX_SCAN_BYTES + 1);
    big.set(TINY_PNG);
    expect(await codeOf(submitCredential(input(w.worker.id), { name: "big.png", bytes: big }))).toBe("scanTooLarge@scan");
    const html = new TextEncoder().encode("<html><body>not a scan</body></html>");
    expect(await codeOf(submitCredential(input(w.worker.id), { name: "scan.png", bytes: html }))).toBe("scanType@scan");
    expect(await codeOf(submitCredential(input(w.worker.id), { name: "fake.pdf", bytes: new TextEncoder().encode("PK\u0003\u0004 zip") }))).toBe("scanType@scan");
    expect(await codeOf(submitCredential(input(w.worker.id), null))).toBe("scanRequired@scan");
    // A program posing as a PDF: an "MZ" header first, "%PDF-" a few bytes in (issue 10, hole 6).
    const exe = new Uint8Array([...new TextEncoder().encode("MZ\x90\x00\x03\x00"), ...TINY_PDF]);
    expect(await codeOf(submitCredential(input(w.worker.id), { name: "licence.pdf.exe", bytes: exe }))).toBe("scanType@scan");
    expect(await counts()).toEqual(before);
  });

  it("the scan downloads with its type for those in scope, 404 for anyone else, and every download is audited", async () => {
    const w = await world();
    actAs(w.users.worker);
    // The uploader's name is kept for the record only: the download is named by the portal.
    const c = await submitCredential(input(w.worker.id, { number: "ZJ-DL-1" }), { name: "licence.pdf.exe", bytes: TINY_PDF });
    const get = () => downloadFile(new Request("http://localhost/api/files/x"), { params: Promise.resolve({ id: c.scanFileId! }) });
    for (const who of [w.users.worker, w.users.agencyAdmin, w.users.eastOfficer, w.users.admin]) {
      actAs(who);
      const res = await get();
      expect(res.status, who.email).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="credential-ZJDL1.pdf"; filename*=UTF-8''credential-ZJDL1.pdf`);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(TINY_PDF);
    }
    expect(await prisma.auditEvent.count({ where: { action: "files.download", entityId: c.scanFileId! } })).toBe(4);
    for (const who of [w.users.westOfficer, w.users.otherAgencyAdmin, w.users.evaluator]) {
      actAs(who);
      expect((await get()).status, who.email).toBe(404);
    }
    actAsNobody();
    expect((await get()).status).toBe(401);
    // An image opens inline, also under the portal's name.
    actAs(w.users.worker);
    const img = await submitCredential(input(w.worker.id, { number: "ZJ-DL-2" }), { name: "证书 扫描.png", bytes: TINY_PNG });
    const res = await downloadFile(new Request("http://localhost/"), { params: Promise.resolve({ id: img.scanFileId! }) });
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-disposition")).toBe(`inline; filename="credential-ZJDL2.png"; filename*=UTF-8''credential-ZJDL2.png`);
    actAs(w.users.admin);
    expect((await downloadFile(new Request("http://localhost/"), { params: Promise.resolve({ id: "no-such-file" }) })).status).toBe(404);
  });

  it("the in-page viewer's inline route answers exactly as the download does, with the viewer's headers, and audits each view (issue 11, item 10)", async () => {
    const w = await world();
    actAs(w.users.worker);
    const c = await submitCredential(input(w.worker.id, { number: "ZJ-VIEW-1" }), { name: "scan.png", bytes: TINY_PNG });
    const view = () => viewFile(new Request("http://localhost/"), { params: Promise.resolve({ id: c.scanFileId! }) });
    for (const who of [w.users.worker, w.users.agencyAdmin, w.users.eastOfficer, w.users.admin]) {
      actAs(who);
      const res = await view();
      expect(res.status, who.email).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(res.headers.get("content-disposition")).toBe(`inline; filename="credential-ZJVIEW1.png"; filename*=UTF-8''credential-ZJVIEW1.png`);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(TINY_PNG);
    }
    expect(await prisma.auditEvent.count({ where: { action: "files.view", entityId: c.scanFileId! } })).toBe(4);
    expect(await prisma.auditEvent.count({ where: { action: "files.download", entityId: c.scanFileId! } })).toBe(0);
    for (const who of [w.users.westOfficer, w.users.otherAgencyAdmin, w.users.evaluator]) {
      actAs(who);
      expect((await view()).status, who.email).toBe(404);
    }
    actAsNobody();
    expect((await view()).status).toBe(401);
    expect(await prisma.auditEvent.count({ where: { action: "files.view", entityId: c.scanFileId! } })).toBe(4);
  });
});

describe("scopes", () => {
  it("a district officer can neither see nor decide another district's credential, also by guessing ids", async () => {
    const w = await world();
    actAs(w.users.otherAgencyAdmin);
    const west = await submitCredential(input(w.westWorker.id), png);
    actAs(w.users.eastOfficer);
    const east = (await getCurrentUser())!;
    const queue = await verificationQueue(east, { page: 1 });
    expect(queue.items.map((i) => i.id)).not.toContain(west.id);
    expect(await credentialsOfPractitioner(east, w.westWorker.id)).toBeNull();
    expect(await scanForDownload(east, west.scanFileId!)).toBeNull();
    const before = await counts();
    expect(await codeOf(verifyCredential({ id: west.id, version: 1 }))).toBe("notFound");
    expect(await codeOf(rejectCredential({ id: west.id, version: 1, reason: "x" }))).toBe("notFound");
    expect(await codeOf(verifyCredential({ id: "does-not-exist", version: 1 }))).toBe("notFound");
    expect(await counts()).toEqual(before);
    // The west officer sees and verifies it.
    actAs(w.users.westOfficer);
    const westQueue = await verificationQueue((await getCurrentUser())!, { page: 1 });
    expect(westQueue.items.map((i) => i.id)).toEqual([west.id]);
    // The queue's search finds the number however it is typed (stored canonical).
    const typed = [...west.number.toLowerCase()].map((ch, i) => (i === 2 ? `－${ch}` : ch)).join("");
    for (const q of [west.number, typed, ` ${west.number.slice(0, 4)} ${west.number.slice(4)} `]) {
      expect((await verificationQueue((await getCurrentUser())!, { page: 1, q })).items.map((i) => i.id), q).toEqual([west.id]);
    }
    expect(await codeOf(verifyCredential({ id: west.id, version: 1 }))).toBe("ok");
  });

  it("an agency administrator submits only for their own staff; a practitioner only for themselves", async () => {
    const w = await world();
    const before = await counts();
    actAs(w.users.otherAgencyAdmin);
    expect(await codeOf(submitCredential(input(w.worker.id), png))).toBe("notFound");
    actAs(w.users.worker);
    expect(await codeOf(submitCredential(input(w.colleague.id), png))).toBe("notFound");
    actAs(w.users.evaluator);
    expect(await codeOf(submitCredential(input(w.worker.id), png))).toBe("authz:forbidden");
    actAsNobody();
    expect(await codeOf(submitCredential(input(w.worker.id), png))).toBe("authz:unauthenticated");
    expect(await counts()).toEqual(before);
    actAs(w.users.agencyAdmin);
    expect(await codeOf(submitCredential(input(w.colleague.id), png))).toBe("ok");
    // The practitioner and the agency see the credential; the other agency does not.
    actAs(w.users.otherAgencyAdmin);
    expect(await credentialsOfPractitioner((await getCurrentUser())!, w.colleague.id)).toBeNull();
    actAs(w.users.agencyAdmin);
    expect((await credentialsOfPractitioner((await getCurrentUser())!, w.colleague.id))!.credentials).toHaveLength(1);
  });
});

describe("maintenance", () => {
  it("certificates never expire: a registration ending changes no credential and not whether the person counts", async () => {
    const w = await world();
    actAs(w.users.worker);
    const c = await submitCredential(input(w.worker.id, { issueDate: "2022-01-01", registrationStart: "2022-07-01" }), png);
    actAs(w.users.eastOfficer);
    await verifyCredential({ id: c.id, version: 1 });
    const reg = await prisma.registration.findUniqueOrThrow({ where: { credentialId: c.id } });
    expect(reg.periodEnd).toEqual(day("2025-06-30"));
    expect((await facts(w.worker.id)).isQualified).toBe(true);
    const r = await runMaintenance({ today: day("2025-07-01"), recompute: true });
    expect(r.ran).toBe(true);
    expect(await prisma.credential.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "VERIFIED", version: 2 });
    expect(await prisma.credentialEvent.count({ where: { credentialId: c.id, toStatus: "EXPIRED" } })).toBe(0);
    expect(await facts(w.worker.id)).toMatchObject({ isQualified: true, qualificationLevel: "SOCIAL_WORKER" });
    const periods = await prisma.qualifiedPeriod.findMany({ where: { practitionerId: w.worker.id } });
    expect(periods.map((p) => [p.from, p.to, p.isFirst])).toEqual([[day("2022-01-01"), null, true]]);
  });

  it("the daily recompute catches a period that ended with the calendar, without any credential change", async () => {
    const w = await world();
    // A verified degree-holder who left the city on 2025-03-01 (history written directly).
    actAs(w.users.worker);
    const c = await submitCredential(input(w.worker.id, { kind: "SOCIAL_WORK_DEGREE", degreeLevel: "BACHELOR", issueDate: "2019-07-01" }), png);
    actAs(w.users.eastOfficer);
    await verifyCredential({ id: c.id, version: 1 });
    await prisma.practitionerStatusChange.createMany({
      data: [
        { practitionerId: w.worker.id, status: "ACTIVE", effectiveFrom: day("2020-01-01") },
        { practitionerId: w.worker.id, status: "LEFT", effectiveFrom: day("2025-03-01") },
      ],
    });
    await prisma.$transaction((tx) => recomputePractitioner(tx, w.worker.id, day("2025-02-27")));
    expect((await facts(w.worker.id)).isQualified).toBe(true);
    const r = await runMaintenance({ today: day("2025-03-02"), recompute: true });
    expect(r.recomputed).toBeGreaterThanOrEqual(1);
    expect((await facts(w.worker.id)).isQualified).toBe(false);
  });

  it("only one instance works at a time (advisory lock)", async () => {
    let inner: unknown = "not run";
    const outer = await withMaintenanceLock(async () => {
      inner = await runMaintenance({ today: day("2025-01-01") });
      return "outer ran";
    });
    expect(outer).toBe("outer ran");
    expect(inner).toEqual({ ran: false, recomputed: 0, reminders: 0, dataTasks: 0 });
  });
});
