import { beforeAll, describe, expect, it } from "vitest";

import { actAs, actAsNobody } from "../helpers/fake-auth";
import { setRequest } from "../helpers/fake-headers";
import { makePublicRegisterWorld, PRIVATE } from "../helpers/public-register";
import { prisma } from "@/server/db";
import { makeUser } from "@/server/seed/factories";
import { findPublicCertificates, checkPublicCertificates, findPublicProfile } from "@/server/public-register/queries";
import { bulkCheck, lookupCertificate, signReceipt } from "@/server/public-register/lookups";
import { BULK_CHECK_LIMIT, hitRateLimit, pruneRateLimit, SINGLE_LOOKUP_LIMIT } from "@/server/public-register/rate-limit";
import { eCertificate, qrCardFor } from "@/server/public-register/certificate";
import { POST as bulkCsv } from "@/app/api/public/verify/bulk/route";
import { numbersFromForm } from "@/server/public-register/input";

let world: Awaited<ReturnType<typeof makePublicRegisterWorld>>;
beforeAll(async () => {
  world = await makePublicRegisterWorld(prisma);
});

let ipSeq = 0;
const freshIp = () => `192.0.2.${++ipSeq}`;

const PUBLIC_KEYS = ["certificateNumber", "district", "holder", "name", "qualificationLevel", "registration", "status"];
/** Whether the holder counts (issue 11): the decision, its day, and a reason with nothing of the record in it. */
const HOLDER_KEYS = ["counts", "reason", "since"];
const FORBIDDEN_TEXT = [PRIVATE.phone, PRIVATE.email, PRIVATE.idNumberMasked, "1990-05-17", "阳光社工服务中心", "西城社工服务中心", "人力资源和社会保障部"];

function expectNothingPrivate(value: unknown) {
  const json = JSON.stringify(value);
  for (const secret of FORBIDDEN_TEXT) expect(json, `leaked ${secret}`).not.toContain(secret);
}

describe("public certificate look-up", () => {
  it("reports the certificate (permanent: valid or revoked) and its registration's status and end date", async () => {
    const [valid] = await findPublicCertificates({ number: world.numbers.valid });
    expect(valid).toMatchObject({ certificateNumber: world.numbers.valid, name: "王芳", status: "valid", qualificationLevel: "SOCIAL_WORKER", district: { name: "东城区" }, registration: { status: "current" } });
    // Registrations that lapsed 30 and 2 days ago: the certificates stay valid.
    expect((await findPublicCertificates({ number: world.numbers.expired }))[0]).toMatchObject({ status: "valid", qualificationLevel: "ASSISTANT_SOCIAL_WORKER", registration: { status: "lapsed" } });
    expect((await findPublicCertificates({ number: world.numbers.lapsed }))[0]).toMatchObject({ status: "valid", name: "赵磊", registration: { status: "lapsed" } });
    expect((await findPublicCertificates({ number: world.numbers.revoked }))[0]).toMatchObject({ status: "revoked", district: { name: "西城区" } });
  });

  it("pending, rejected and unknown certificates all look like no match; degrees are not certificates", async () => {
    expect(await findPublicCertificates({ number: world.numbers.pending })).toEqual([]);
    expect(await findPublicCertificates({ number: world.numbers.rejected })).toEqual([]);
    expect(await findPublicCertificates({ number: world.numbers.unknown })).toEqual([]);
    expect(await findPublicCertificates({ number: "T-DEG-007" })).toEqual([]);
    expect(await findPublicCertificates({ number: "   " })).toEqual([]);
  });

  it("a registration is current through its last day and lapsed the day after (Asia/Shanghai); the certificate stays valid", async () => {
    const until = (await prisma.registration.findFirstOrThrow({ where: { credential: { number: world.numbers.valid } }, select: { periodEnd: true } })).periodEnd;
    // 23:59 on the last day in Shanghai is 15:59 UTC that day; 00:00 the next day is 16:00 UTC.
    const lastMinute = new Date(until.getTime() + 15 * 3_600_000 + 59 * 60_000);
    const nextDay = new Date(until.getTime() + 16 * 3_600_000);
    expect((await findPublicCertificates({ number: world.numbers.valid }, lastMinute))[0]).toMatchObject({ status: "valid", registration: { status: "current" } });
    expect((await findPublicCertificates({ number: world.numbers.valid }, nextDay))[0]).toMatchObject({ status: "valid", registration: { status: "lapsed" } });
  });

  it("matches by the exact name together with the number, never by name alone or in part", async () => {
    expect(await findPublicCertificates({ number: world.numbers.valid, name: "王芳" })).toHaveLength(1);
    expect(await findPublicCertificates({ number: world.numbers.valid, name: "  王芳 " })).toHaveLength(1);
    expect(await findPublicCertificates({ number: ` ${world.numbers.valid.slice(0, 5)} ${world.numbers.valid.slice(5)} ` })).toHaveLength(1);
    expect(await findPublicCertificates({ number: world.numbers.valid, name: "王" })).toEqual([]);
    expect(await findPublicCertificates({ number: world.numbers.valid, name: "李强" })).toEqual([]);
    expect(await findPublicCertificates({ number: "T-SW", name: "王芳" })).toEqual([]);
  });

  it("finds a certificate however its number is typed: lower case, full-width, dashes, spaces", async () => {
    const n = world.numbers.valid; // stored canonical: "TSWVALID001"
    const fullWidth = (x: string) => [...x].map((ch) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0)).join("");
    for (const typed of [world.typed.valid, world.typed.valid.toLowerCase(), n.toLowerCase(), fullWidth(n), fullWidth(n.toLowerCase()), `t－sw—valid‐001`, ` T SW\u3000VALID 001 `, "t_sw.valid/001", "T·SW・VALID-001"]) {
      const found = await findPublicCertificates({ number: typed });
      expect(found.map((m) => m.certificateNumber), typed).toEqual([n]);
      expect(await lookupCertificate({ number: typed }, freshIp()), typed).toMatchObject({ ok: true, matches: [{ certificateNumber: n, name: "王芳" }] });
      expect(await findPublicCertificates({ number: typed, name: "王芳" }), typed).toHaveLength(1);
    }
    const rows = await checkPublicCertificates([world.typed.revoked.toLowerCase(), fullWidth(world.numbers.valid), "ｔ-ｓｗ-ｕｎｋｎｏｗｎ-９９９"]);
    expect(rows.map((r) => [r.number, r.match?.status ?? "notFound"])).toEqual([
      [world.numbers.revoked, "revoked"],
      [world.numbers.valid, "valid"],
      [world.numbers.unknown, "notFound"],
    ]);
  });

  it("returns exactly the public fields and nothing private", async () => {
    for (const number of [world.numbers.valid, world.numbers.expired, world.numbers.revoked]) {
      const [match] = await findPublicCertificates({ number });
      expect(Object.keys(match!).sort()).toEqual(PUBLIC_KEYS);
      expect(Object.keys(match!.district!).sort()).toEqual(["name", "nameEn", "nameHant"]);
      expect(Object.keys(match!.holder).sort()).toEqual(HOLDER_KEYS);
      expectNothingPrivate(match);
    }
  });
});

describe("bulk check", () => {
  it("answers one row per number in order, with the right status or none", async () => {
    const n = world.numbers;
    const rows = await checkPublicCertificates([n.revoked, n.valid, n.pending, n.expired, n.unknown, n.lapsed, n.rejected]);
    expect(rows.map((r) => [r.number, r.match?.status ?? "notFound"])).toEqual([
      [n.revoked, "revoked"],
      [n.valid, "valid"],
      [n.pending, "notFound"],
      [n.expired, "valid"],
      [n.unknown, "notFound"],
      [n.lapsed, "valid"],
      [n.rejected, "notFound"],
    ]);
    for (const r of rows) if (r.match) expect(Object.keys(r.match).sort()).toEqual(PUBLIC_KEYS);
    expectNothingPrivate(rows);
  });

  it("refuses more than 100 numbers and nothing is counted", async () => {
    const ip = freshIp();
    const many = Array.from({ length: 101 }, (_, i) => `N${i}`);
    expect(await bulkCheck(many, ip)).toEqual({ ok: false, problem: "tooMany", count: 101 });
    expect(await prisma.rateLimitHit.count({ where: { key: ip } })).toBe(0);
    const hundred = await bulkCheck(many.slice(0, 100), ip);
    expect(hundred.ok && hundred.rows).toHaveLength(100);
    expect(await bulkCheck([], ip)).toEqual({ ok: false, problem: "empty" });
  });

  it("the CSV route: UTF-8 with BOM, localized header, the statuses; 400 over 100; 429 over the limit", async () => {
    const ip = freshIp();
    setRequest({ ip });
    const form = new FormData();
    form.set("numbers", `${world.numbers.valid}\n${world.numbers.revoked}, ${world.numbers.unknown}\n${world.numbers.pending}`);
    const res = await bulkCsv(new Request("http://localhost/api/public/verify/bulk", { method: "POST", body: form }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="certificate-check-\d{8}\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(5);
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 3))).toEqual([
      [world.numbers.valid, "有效", "王芳"],
      [world.numbers.revoked, "已撤销", "孙丽"],
      [world.numbers.unknown, "未查到", ""],
      [world.numbers.pending, "未查到", ""],
    ]);
    expectNothingPrivate(lines);

    const tooMany = new FormData();
    tooMany.set("numbers", Array.from({ length: 101 }, (_, i) => `X${i}`).join(","));
    const refused = await bulkCsv(new Request("http://localhost/api/public/verify/bulk", { method: "POST", body: tooMany }));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("100");

    for (let i = 1; i < BULK_CHECK_LIMIT.limit; i++) expect((await bulkCheck([world.numbers.valid], ip)).ok).toBe(true);
    const limited = await bulkCsv(new Request("http://localhost/api/public/verify/bulk", { method: "POST", body: form }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);

    // A receipt from a check just made downloads without counting again, but only for its numbers.
    const numbers = [world.numbers.valid, world.numbers.revoked];
    const withReceipt = new FormData();
    withReceipt.set("numbers", numbers.join("\n"));
    withReceipt.set("receipt", signReceipt(numbers));
    expect((await bulkCsv(new Request("http://localhost/api/public/verify/bulk", { method: "POST", body: withReceipt }))).status).toBe(200);
    withReceipt.set("numbers", [...numbers, world.numbers.expired].join("\n"));
    expect((await bulkCsv(new Request("http://localhost/api/public/verify/bulk", { method: "POST", body: withReceipt }))).status).toBe(429);
    setRequest();
  });
});

describe("rate limits", () => {
  it("single look-ups: the limit trips at 30 per IP and not before; other IPs are unaffected", async () => {
    const ip = freshIp();
    for (let i = 0; i < SINGLE_LOOKUP_LIMIT.limit; i++) {
      const r = await lookupCertificate({ number: world.numbers.valid }, ip);
      expect(r.ok, `look-up ${i + 1}`).toBe(true);
    }
    const refused = await lookupCertificate({ number: world.numbers.valid }, ip);
    expect(refused).toMatchObject({ ok: false, problem: "rateLimited" });
    expect(!refused.ok && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(await prisma.rateLimitHit.count({ where: { key: ip } })).toBe(SINGLE_LOOKUP_LIMIT.limit);
    expect((await lookupCertificate({ number: world.numbers.valid }, freshIp())).ok).toBe(true);
  });

  it("invalid input is refused before counting", async () => {
    const ip = freshIp();
    expect(await lookupCertificate({ number: "  " }, ip)).toEqual({ ok: false, problem: "numberRequired" });
    expect(await lookupCertificate({ number: "x".repeat(65) }, ip)).toEqual({ ok: false, problem: "numberTooLong" });
    expect(await lookupCertificate({ number: "A1", name: "名".repeat(51) }, ip)).toEqual({ ok: false, problem: "nameTooLong" });
    expect(await prisma.rateLimitHit.count({ where: { key: ip } })).toBe(0);
  });

  it("bulk checks: 5 per IP per hour, then refused until the window has passed; pruning removes old hits", async () => {
    const ip = freshIp();
    const t0 = new Date();
    for (let i = 0; i < BULK_CHECK_LIMIT.limit; i++) expect((await hitRateLimit(BULK_CHECK_LIMIT, ip, new Date(t0.getTime() + i * 1000))).ok).toBe(true);
    const refused = await hitRateLimit(BULK_CHECK_LIMIT, ip, new Date(t0.getTime() + 10_000));
    expect(refused).toMatchObject({ ok: false });
    expect(!refused.ok && refused.retryAfterSeconds).toBe(3590);
    const later = new Date(t0.getTime() + BULK_CHECK_LIMIT.windowMs + 1);
    expect((await hitRateLimit(BULK_CHECK_LIMIT, ip, later)).ok).toBe(true);
    expect(await pruneRateLimit(BULK_CHECK_LIMIT, new Date(later.getTime() + BULK_CHECK_LIMIT.windowMs))).toBeGreaterThanOrEqual(5);
    expect(await prisma.rateLimitHit.count({ where: { bucket: BULK_CHECK_LIMIT.bucket, key: ip, createdAt: { lt: later } } })).toBe(0);
  });

  it("concurrent requests cannot slip past the limit together", async () => {
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 12 }, () => hitRateLimit(BULK_CHECK_LIMIT, ip)));
    expect(results.filter((r) => r.ok)).toHaveLength(BULK_CHECK_LIMIT.limit);
  });
});

describe("public profile (QR code page)", () => {
  it("shows a counted practitioner's public fields only", async () => {
    const profile = await findPublicProfile(world.people.valid.id);
    expect(profile).toMatchObject({ name: "王芳", qualificationLevel: "SOCIAL_WORKER", district: { name: "东城区" } });
    expect(Object.keys(profile!).sort()).toEqual(["certificates", "counting", "district", "name", "qualificationLevel"]);
    expect(profile!.counting).toEqual({ counts: true, since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), reason: null });
    expect(profile!.certificates).toEqual([
      { qualificationLevel: "SOCIAL_WORKER", number: world.numbers.valid, status: "valid", registration: { status: "current", periodEnd: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } },
    ]);
    expectNothingPrivate(profile);
  });

  it("counts by degree alone: shown, without certificates", async () => {
    expect(await findPublicProfile(world.people.degreeOnly.id)).toMatchObject({ qualificationLevel: "DEGREE", certificates: [] });
  });

  it("a lapsed registration does not stop anyone counting: shown, with the registration lapsed", async () => {
    const profile = await findPublicProfile(world.people.lapsed.id);
    expect(profile).toMatchObject({ name: "赵磊", certificates: [{ status: "valid", registration: { status: "lapsed" } }] });
  });

  it("not counted now, or unknown: null alike", async () => {
    for (const id of [world.people.revoked.id, world.people.pending.id, world.people.rejected.id, "nope", "../../etc", ""]) {
      expect(await findPublicProfile(id), id).toBeNull();
    }
  });
});

describe("QR card and e-certificate (signed in)", () => {
  it("a practitioner sees their own QR card and prints their own e-certificate, not someone else's", async () => {
    const self = await makeUser(prisma, { role: "PRACTITIONER", practitionerId: world.people.valid.id });
    actAs(self);
    const card = await qrCardFor(world.people.valid.id);
    expect(card).toMatchObject({ isQualified: true, url: expect.stringMatching(new RegExp(`/public/p/${world.people.valid.id}$`)) });
    expect(card!.svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const cert = await eCertificate(world.people.valid.id);
    expect(cert).toMatchObject({ name: "王芳", isQualified: true, certificates: [{ number: world.numbers.valid, status: "valid" }] });
    expect(await qrCardFor(world.people.expired.id)).toBeNull();
    await expect(eCertificate(world.people.expired.id)).rejects.toThrow();
    expect(await prisma.auditEvent.count({ where: { actorId: self.id, outcome: "DENIED", entityId: world.people.expired.id } })).toBe(1);
  });

  it("an agency administrator: own staff yes (with a note when not counted), another agency's staff no", async () => {
    const admin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: world.agency.id });
    actAs(admin);
    expect(await qrCardFor(world.people.pending.id)).toMatchObject({ isQualified: false, svg: null });
    expect((await eCertificate(world.people.pending.id))!.isQualified).toBe(false);
    expect(await qrCardFor(world.people.revoked.id)).toBeNull();
    await expect(eCertificate(world.people.revoked.id)).rejects.toThrow();
    expect(await eCertificate("does-not-exist")).toBeNull();
  });

  it('"me" is the signed-in practitioner; for anyone else it is nobody', async () => {
    const self = await makeUser(prisma, { role: "PRACTITIONER", practitionerId: world.people.revoked.id });
    actAs(self);
    expect(await eCertificate("me")).toMatchObject({ id: world.people.revoked.id, name: "孙丽", isQualified: false, certificates: [{ status: "revoked" }] });
    actAs(await makeUser(prisma, { role: "CITY_ADMIN" }));
    expect(await eCertificate("me")).toBeNull();
  });

  it("nobody signed in: no card", async () => {
    actAsNobody();
    expect(await qrCardFor(world.people.valid.id)).toBeNull();
  });
});

describe("uploaded files", () => {
  const form = (file: File, numbers = "") => {
    const f = new FormData();
    f.set("numbers", numbers);
    f.set("file", file);
    return f;
  };

  it("reads UTF-8 CSV with a BOM and header, GB 18030 (Excel on Chinese Windows), and merges pasted numbers", async () => {
    const utf8 = new File(["\uFEFF姓名,证书编号\r\n王芳,SW1\r\n李强,SW2\r\n"], "a.csv", { type: "text/csv" });
    expect(await numbersFromForm(form(utf8, "SW0\nSW1"))).toMatchObject({ ok: true, numbers: ["SW0", "SW1", "SW2"] });
    const gbBytes = new Uint8Array([0xd6, 0xa4, 0xca, 0xe9, 0xb1, 0xe0, 0xba, 0xc5, 0x0d, 0x0a, 0x53, 0x57, 0x39]); // "证书编号\r\nSW9" in GB 18030
    expect(await numbersFromForm(form(new File([gbBytes], "b.csv")))).toMatchObject({ ok: true, numbers: ["SW9"] });
  });

  it("an uploaded CSV's numbers typed in lower case, full-width or with dashes are checked as the certificates they name", async () => {
    setRequest({ ip: freshIp() });
    const file = new File([`证书编号\r\n${world.typed.valid.toLowerCase()}\r\n"ｔ－ｓｗ－ｒｅｖｏｋｅｄ－００４"\r\n`], "c.csv", { type: "text/csv" });
    const input = await numbersFromForm(form(file));
    expect(input).toMatchObject({ ok: true, numbers: [world.numbers.valid, world.numbers.revoked] });
    const res = await bulkCsv(new Request("http://localhost/api/public/verify/bulk", { method: "POST", body: form(file) }));
    const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 3))).toEqual([
      [world.numbers.valid, "有效", "王芳"],
      [world.numbers.revoked, "已撤销", "孙丽"],
    ]);
  });

  it("refuses binary and oversized files with their own problems", async () => {
    expect(await numbersFromForm(form(new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])], "x.xlsx")))).toMatchObject({ ok: false, problem: "fileUnreadable" });
    expect(await numbersFromForm(form(new File(["A".repeat(200_001)], "big.csv")))).toMatchObject({ ok: false, problem: "fileTooLarge" });
  });
});
