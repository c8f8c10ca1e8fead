import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { actAs, actAsNobody } from "../helpers/fake-auth";
import { setRequest, TEST_IP, TEST_USER_AGENT } from "../helpers/fake-headers";
import { tableCounts } from "../helpers/counts";
import { errorOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { AuthzError } from "@/server/auth/session";
import { verifyPassword } from "@/server/auth/password";
import { listOutbox, MASKED_TOKEN } from "@/server/notifications/queries";
import { getCurrentUser } from "@/server/auth/session";
import { changeOwnPassword, createUser, isPasswordTokenUsable, resetUserPassword, setPasswordWithToken, setUserDisabled, updateUser } from "@/server/accounts/mutations";
import { ZCreateUser, ZUpdateUser } from "@/domain/accounts/schemas";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { PASSWORD_TOKEN_TTL_MS } from "@/domain/accounts/session-rules";

const messages = (locale: string) => JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../messages/${locale}.json`), "utf8"));
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const tokensSeen: string[] = [];

function tokenFrom(body: string): string {
  const m = /\/set-password\?token=([A-Za-z0-9_%.~-]+)/.exec(body);
  expect(m, `no set-password link in: ${body}`).not.toBeNull();
  const token = decodeURIComponent(m![1]!);
  tokensSeen.push(token);
  return token;
}

async function latestEmailTo(to: string) {
  return prisma.outboxEmail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
}

async function world() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const district = await makeRegion(prisma, { level: "DISTRICT", parent: city });
  const street = await makeRegion(prisma, { level: "STREET", parent: district });
  const agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id });
  const school = await makeOrganization(prisma, { kind: "SCHOOL", regionId: street.id });
  const department = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: city.id });
  const evaluationBody = await makeOrganization(prisma, { kind: "EVALUATION_BODY", regionId: city.id });
  const practitioner = await makePractitioner(prisma, { organizationId: agency.id });
  const linkedPractitioner = await makePractitioner(prisma, { organizationId: agency.id });
  const admin = await makeUser(prisma, { role: "CITY_ADMIN" });
  const worker = await makeUser(prisma, { role: "PRACTITIONER", practitionerId: linkedPractitioner.id });
  actAs(admin);
  return { city, district, street, agency, school, department, evaluationBody, practitioner, linkedPractitioner, admin, worker };
}

describe("createUser", () => {
  it("writes the user, a one-time token, the invitation e-mail and the audit event together", async () => {
    const w = await world();
    // A client chooses its Host and X-Forwarded-Host: the e-mailed link must not follow them
    // (issue 10, hole 8). Without APP_URL or PORTAL_URL (these tests set neither) it is localhost.
    setRequest({ extra: { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } });
    const before = await tableCounts();
    const t0 = Date.now();
    const created = await createUser(ZCreateUser.parse({ email: "  Li.Na@Example.CN ", name: "李娜", role: "AGENCY_ADMIN", organizationId: w.agency.id, regionId: w.district.id }));

    expect(await tableCounts()).toEqual({ ...before, users: before.users + 1, passwordTokens: before.passwordTokens + 1, outbox: before.outbox + 1, audit: before.audit + 1 });

    const row = await prisma.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ email: "li.na@example.cn", name: "李娜", role: "AGENCY_ADMIN", organizationId: w.agency.id, regionId: null, passwordHash: null, disabledAt: null });
    expect(created).not.toHaveProperty("passwordHash");

    const email = await latestEmailTo("li.na@example.cn");
    const zh = messages("zh-Hans");
    expect(email.status).toBe("STORED");
    expect(email.subject).toBe(zh.email.welcome.subject);
    expect(email.body).toContain("http://localhost:3000/set-password?token=");
    expect(email.body).not.toContain("evil.example");
    expect(email.body).toContain("李娜");
    expect(email.body).toContain(String(PASSWORD_TOKEN_TTL_MS / 3_600_000));
    const token = tokenFrom(email.body);

    const tokenRow = await prisma.passwordToken.findFirstOrThrow({ where: { userId: created.id } });
    expect(tokenRow.purpose).toBe("SET_PASSWORD");
    expect(tokenRow.usedAt).toBeNull();
    // Only the hash of the token is stored.
    expect(tokenRow.tokenHash).toBe(sha256(token));
    expect(tokenRow.tokenHash).not.toContain(token);
    expect(tokenRow.expiresAt.getTime()).toBeGreaterThanOrEqual(t0 + PASSWORD_TOKEN_TTL_MS - 1000);
    expect(tokenRow.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + PASSWORD_TOKEN_TTL_MS + 1000);
    expect(await isPasswordTokenUsable(token)).toBe(true);

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "users.create", entityId: created.id } });
    expect(audit).toMatchObject({ actorId: w.admin.id, actorEmail: w.admin.email, actorRole: "CITY_ADMIN", entity: "User", outcome: "SUCCESS", ip: TEST_IP, userAgent: TEST_USER_AGENT, before: null });
    expect(audit.after).toMatchObject({ id: created.id, email: "li.na@example.cn", name: "李娜", role: "AGENCY_ADMIN", organizationId: w.agency.id });
    expect(audit.after).not.toHaveProperty("passwordHash");
  });

  it("refuses a duplicate e-mail (whatever its case) and changes nothing", async () => {
    const w = await world();
    const existing = await makeUser(prisma, { role: "CITY_ADMIN", email: "taken@example.cn" });
    const before = await tableCounts();
    const error = await errorOf(createUser(ZCreateUser.parse({ email: "TAKEN@example.cn", name: "重复", role: "CITY_ADMIN" })));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "emailTaken", field: "email" });
    expect(await tableCounts()).toEqual(before);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: existing.id }, select: { name: true } })).toEqual({ name: existing.name });
    void w;
  });

  it("refuses a scope anchor of the wrong kind and changes nothing", async () => {
    const w = await world();
    const cases: { input: Record<string, unknown>; code: string; field: string }[] = [
      { input: { role: "AGENCY_ADMIN", organizationId: w.school.id }, code: "invalidScope", field: "organizationId" },
      { input: { role: "AGENCY_ADMIN", organizationId: w.department.id }, code: "invalidScope", field: "organizationId" },
      { input: { role: "DEPARTMENT_OFFICER", organizationId: w.agency.id }, code: "invalidScope", field: "organizationId" },
      { input: { role: "EVALUATOR", organizationId: w.agency.id }, code: "invalidScope", field: "organizationId" },
      { input: { role: "EVALUATOR", organizationId: "does-not-exist" }, code: "invalidScope", field: "organizationId" },
      { input: { role: "DISTRICT_OFFICER", regionId: w.street.id }, code: "invalidScope", field: "regionId" },
      { input: { role: "DISTRICT_OFFICER", regionId: w.city.id }, code: "invalidScope", field: "regionId" },
      { input: { role: "PRACTITIONER", practitionerId: "does-not-exist" }, code: "invalidScope", field: "practitionerId" },
      { input: { role: "PRACTITIONER", practitionerId: w.linkedPractitioner.id }, code: "practitionerHasAccount", field: "practitionerId" },
    ];
    const before = await tableCounts();
    for (const [i, c] of cases.entries()) {
      const email = `wrong-kind-${i}@example.cn`;
      const error = await errorOf(createUser(ZCreateUser.parse({ email, name: "错配", ...c.input })));
      expect(error, JSON.stringify(c.input)).toBeInstanceOf(DomainError);
      expect(error, JSON.stringify(c.input)).toMatchObject({ code: c.code, field: c.field });
      expect(await prisma.user.findUnique({ where: { email } })).toBeNull();
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("accepts each role with an anchor of the right kind", async () => {
    const w = await world();
    const ok = [
      { role: "DISTRICT_OFFICER", regionId: w.district.id },
      { role: "DEPARTMENT_OFFICER", organizationId: w.department.id },
      { role: "AGENCY_ADMIN", organizationId: w.agency.id },
      { role: "EVALUATOR", organizationId: w.evaluationBody.id },
      { role: "PRACTITIONER", practitionerId: w.practitioner.id },
      { role: "CITY_ADMIN" },
    ];
    for (const [i, input] of ok.entries()) {
      const u = await createUser(ZCreateUser.parse({ email: `right-kind-${i}@example.cn`, name: "对的", ...input }));
      expect(u).toMatchObject(input);
    }
  });
});

describe("updateUser", () => {
  async function target(w: Awaited<ReturnType<typeof world>>) {
    return makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: w.agency.id, name: "原名" });
  }
  const input = (u: { id: string }, w: Awaited<ReturnType<typeof world>>, version: number, extra: Record<string, unknown> = {}) =>
    ZUpdateUser.parse({ id: u.id, version, name: "原名", role: "AGENCY_ADMIN", organizationId: w.agency.id, ...extra });

  it("saves with the current version and audits only the changed fields", async () => {
    const w = await world();
    const u = await target(w);
    const after = await updateUser(input(u, w, u.version, { name: "新名" }));
    expect(after).toMatchObject({ name: "新名", version: u.version + 1 });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "users.update", entityId: u.id } });
    expect(audit.before).toEqual({ name: "原名" });
    expect(audit.after).toEqual({ name: "新名" });
  });

  it("audits a role change as exactly the fields that changed", async () => {
    const w = await world();
    const u = await target(w);
    await updateUser(input(u, w, u.version, { role: "DISTRICT_OFFICER", regionId: w.district.id, organizationId: "" }));
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "users.update", entityId: u.id } });
    expect(audit.before).toEqual({ role: "AGENCY_ADMIN", organizationId: w.agency.id, regionId: null });
    expect(audit.after).toEqual({ role: "DISTRICT_OFFICER", organizationId: null, regionId: w.district.id });
  });

  it("refuses a stale version and changes nothing", async () => {
    const w = await world();
    const u = await target(w);
    await updateUser(input(u, w, u.version, { name: "第一次" }));
    const before = await tableCounts();
    const row = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    const error = await errorOf(updateUser(input(u, w, u.version, { name: "过期的编辑", role: "CITY_ADMIN" })));
    expect(error).toBeInstanceOf(StaleEditError);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).toEqual(row);
    expect(await tableCounts()).toEqual(before);
  });

  it("lets exactly one of two simultaneous edits of the same version win", async () => {
    const w = await world();
    const u = await target(w);
    const results = await Promise.allSettled([updateUser(input(u, w, u.version, { name: "甲" })), updateUser(input(u, w, u.version, { name: "乙" }))]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(StaleEditError);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.version).toBe(u.version + 1);
    expect(await prisma.auditEvent.count({ where: { action: "users.update", entityId: u.id } })).toBe(1);
  });

  it("lets a practitioner's account keep its own register entry", async () => {
    const w = await world();
    const renamed = await updateUser(ZUpdateUser.parse({ id: w.worker.id, version: w.worker.version, name: "改名的社工", role: "PRACTITIONER", practitionerId: w.linkedPractitioner.id }));
    expect(renamed).toMatchObject({ name: "改名的社工", practitionerId: w.linkedPractitioner.id });
    // …but not take over someone else's.
    const other = await makeUser(prisma, { role: "PRACTITIONER", practitionerId: w.practitioner.id });
    const error = await errorOf(updateUser(ZUpdateUser.parse({ id: other.id, version: other.version, name: "x", role: "PRACTITIONER", practitionerId: w.linkedPractitioner.id })));
    expect(error).toMatchObject({ code: "practitionerHasAccount", field: "practitionerId" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).practitionerId).toBe(w.practitioner.id);
  });

  it("disabling audits only the disabled flag, and a stale disable changes nothing", async () => {
    const w = await world();
    const u = await target(w);
    await setUserDisabled({ id: u.id, version: u.version }, true);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "users.disable", entityId: u.id } });
    expect(audit.before).toEqual({ disabledAt: null });
    expect(Object.keys(audit.after as object)).toEqual(["disabledAt"]);
    expect(new Date((audit.after as { disabledAt: string }).disabledAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const before = await tableCounts();
    const row = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(await errorOf(setUserDisabled({ id: u.id, version: u.version }, false))).toBeInstanceOf(StaleEditError);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).toEqual(row);
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses to change one's own role and to disable oneself", async () => {
    const w = await world();
    const self = ZUpdateUser.parse({ id: w.admin.id, version: w.admin.version, name: "x", role: "DISTRICT_OFFICER", regionId: w.district.id });
    expect(await errorOf(updateUser(self))).toMatchObject({ code: "cannotChangeOwnRole", field: "role" });
    expect(await errorOf(setUserDisabled({ id: w.admin.id, version: w.admin.version }, true))).toMatchObject({ code: "cannotDisableSelf" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: w.admin.id }, select: { role: true, disabledAt: true } })).toEqual({ role: "CITY_ADMIN", disabledAt: null });
  });

  it("is refused to anyone but the city administrator", async () => {
    const w = await world();
    const u = await target(w);
    const officer = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: w.district.id });
    actAs(officer);
    expect(await errorOf(updateUser(input(u, w, u.version, { name: "越权" })))).toMatchObject({ code: "forbidden" });
    expect(await errorOf(setUserDisabled({ id: u.id, version: u.version }, true))).toBeInstanceOf(AuthzError);
    expect(await errorOf(resetUserPassword({ id: u.id, version: u.version }))).toBeInstanceOf(AuthzError);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: u.id }, select: { name: true, disabledAt: true, version: true } })).toEqual({ name: "原名", disabledAt: null, version: u.version });
  });
});

describe("password links", () => {
  async function invited(w: Awaited<ReturnType<typeof world>>, email = `invitee-${Date.now()}@example.cn`) {
    actAs(w.admin);
    const u = await createUser(ZCreateUser.parse({ email, name: "受邀者", role: "CITY_ADMIN" }));
    return { user: u, token: tokenFrom((await latestEmailTo(u.email)).body) };
  }

  it("works once: sets the password, ends sessions, uses up the token", async () => {
    const w = await world();
    const { user, token } = await invited(w);
    const sv = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    actAsNobody();
    await expect(setPasswordWithToken({ token, newPassword: "violet harbour lantern" })).resolves.toEqual({ email: user.email });

    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash!, "violet harbour lantern")).toBe(true);
    expect(row.passwordChangedAt).not.toBeNull();
    expect(row.sessionVersion).toBe(sv + 1);
    expect((await prisma.passwordToken.findFirstOrThrow({ where: { userId: user.id } })).usedAt).not.toBeNull();
    expect(await isPasswordTokenUsable(token)).toBe(false);
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: "account.setPassword", entityId: user.id } })).toMatchObject({ actorId: user.id, outcome: "SUCCESS", after: { passwordSet: true } });

    // Second use.
    const error = await errorOf(setPasswordWithToken({ token, newPassword: "another fine passphrase" }));
    expect(error).toMatchObject({ code: "tokenInvalid" });
    const again = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(again.passwordHash).toBe(row.passwordHash);
  });

  it("the outbox shows a link readable while it can be used, and masked once used or expired (issue 10, hole 8)", async () => {
    const w = await world();
    const used = await invited(w);
    const expired = await invited(w);
    const live = await invited(w);
    actAsNobody();
    await setPasswordWithToken({ token: used.token, newPassword: "violet harbour lantern" });
    await prisma.passwordToken.updateMany({ where: { userId: expired.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    actAs(w.admin);
    const admin = (await getCurrentUser())!;
    const bodyFor = async (email: string) => (await listOutbox(admin, { to: email, page: 1 })).items[0]!.body;
    for (const spent of [used, expired]) {
      const body = await bodyFor(spent.user.email);
      expect(body).not.toContain(spent.token);
      expect(body).toContain(`/set-password?token=${MASKED_TOKEN}`);
    }
    expect(await bodyFor(live.user.email)).toContain(`/set-password?token=${live.token}`);
    // The stored e-mail itself is unchanged (it is the record of what was sent).
    expect((await latestEmailTo(used.user.email)).body).toContain(used.token);
  });

  it("cannot be used twice even by two simultaneous requests", async () => {
    const w = await world();
    const { user, token } = await invited(w);
    const results = await Promise.allSettled([
      setPasswordWithToken({ token, newPassword: "first tab passphrase" }),
      setPasswordWithToken({ token, newPassword: "second tab passphrase" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(lost?.reason).toMatchObject({ code: "tokenInvalid" });
    expect(await prisma.auditEvent.count({ where: { action: "account.setPassword", entityId: user.id } })).toBe(1);
  });

  it("refuses an expired token", async () => {
    const w = await world();
    const { user, token } = await invited(w);
    await prisma.passwordToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await isPasswordTokenUsable(token)).toBe(false);
    expect(await errorOf(setPasswordWithToken({ token, newPassword: "violet harbour lantern" }))).toMatchObject({ code: "tokenInvalid" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
  });

  it("refuses an unknown token and a disabled account's token", async () => {
    const w = await world();
    expect(await errorOf(setPasswordWithToken({ token: "x".repeat(43), newPassword: "violet harbour lantern" }))).toMatchObject({ code: "tokenInvalid" });
    const { user, token } = await invited(w);
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await isPasswordTokenUsable(token)).toBe(false);
    expect(await errorOf(setPasswordWithToken({ token, newPassword: "violet harbour lantern" }))).toMatchObject({ code: "tokenInvalid" });
  });

  it("refuses a common password or one containing the e-mail name, and keeps the token usable", async () => {
    const w = await world();
    const { user, token } = await invited(w, "harbour.master@example.cn");
    expect(await errorOf(setPasswordWithToken({ token, newPassword: "password1234" }))).toMatchObject({ code: "password_common", field: "newPassword" });
    expect(await errorOf(setPasswordWithToken({ token, newPassword: "Qwerty123456" }))).toMatchObject({ code: "password_common", field: "newPassword" });
    expect(await errorOf(setPasswordWithToken({ token, newPassword: "i am harbour.master here" }))).toMatchObject({ code: "password_containsEmail" });
    expect(await errorOf(setPasswordWithToken({ token, newPassword: "short" }))).toMatchObject({ code: "password_tooShort" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
    expect(await isPasswordTokenUsable(token)).toBe(true);
    await expect(setPasswordWithToken({ token, newPassword: "violet harbour lantern" })).resolves.toEqual({ email: "harbour.master@example.cn" });
  });

  it("a reset clears the password, voids earlier links and mails a new one in the user's language", async () => {
    const w = await world();
    const { user, token: first } = await invited(w);
    await prisma.user.update({ where: { id: user.id }, data: { locale: "zh_Hant" } });
    const { version } = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    actAs(w.admin);
    await resetUserPassword({ id: user.id, version });

    expect(await isPasswordTokenUsable(first)).toBe(false);
    const email = await latestEmailTo(user.email);
    expect(email.subject).toBe(messages("zh-Hant").email.reset.subject);
    const second = tokenFrom(email.body);
    expect(second).not.toBe(first);
    expect(await isPasswordTokenUsable(second)).toBe(true);
    expect((await prisma.passwordToken.findFirstOrThrow({ where: { tokenHash: sha256(second) } })).purpose).toBe("RESET_PASSWORD");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "users.resetPassword", entityId: user.id } });
    expect(audit.after).toEqual({ passwordReset: true });

    // A stale reset is refused without sending anything.
    const before = await tableCounts();
    expect(await errorOf(resetUserPassword({ id: user.id, version }))).toBeInstanceOf(StaleEditError);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("changeOwnPassword", () => {
  it("checks the current password and the policy", async () => {
    const w = await world();
    const me = await makeUser(prisma, { role: "EVALUATOR", organizationId: w.evaluationBody.id, password: "my current passphrase", email: "eval.person@example.cn" });
    actAs(me);
    expect(await errorOf(changeOwnPassword({ currentPassword: "wrong", newPassword: "violet harbour lantern" }))).toMatchObject({ code: "wrongCurrentPassword", field: "currentPassword" });
    expect(await errorOf(changeOwnPassword({ currentPassword: "my current passphrase", newPassword: "password1234" }))).toMatchObject({ code: "password_common" });
    expect(await errorOf(changeOwnPassword({ currentPassword: "my current passphrase", newPassword: "eval.person rocks!" }))).toMatchObject({ code: "password_containsEmail" });
    const unchanged = await prisma.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(await verifyPassword(unchanged.passwordHash!, "my current passphrase")).toBe(true);
    expect(unchanged.sessionVersion).toBe(me.sessionVersion);

    await changeOwnPassword({ currentPassword: "my current passphrase", newPassword: "violet harbour lantern" });
    const changed = await prisma.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(await verifyPassword(changed.passwordHash!, "violet harbour lantern")).toBe(true);
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: "account.changePassword", entityId: me.id } })).toMatchObject({ after: { passwordChanged: true } });
  });
});

describe("the audit log", () => {
  it("never holds a password hash, a token or its hash", async () => {
    // Runs last in this file: everything above has written audit events.
    const events = await prisma.auditEvent.findMany({ select: { before: true, after: true } });
    expect(events.length).toBeGreaterThan(10);
    expect(tokensSeen.length).toBeGreaterThan(3);
    const hashes = (await prisma.passwordToken.findMany({ select: { tokenHash: true } })).map((t) => t.tokenHash);
    for (const e of events) {
      const json = JSON.stringify([e.before, e.after]);
      expect(json).not.toMatch(/passwordHash|tokenHash|argon2/);
      for (const secret of [...tokensSeen, ...hashes]) expect(json).not.toContain(secret);
    }
  });
});
