import { describe, expect, it } from "vitest";

import { prisma } from "@/server/db";
import { makeOrganization, makeRegion, makeUser } from "@/server/seed/factories";
import { verifyCredentials } from "@/server/auth/credentials";
import { ACCOUNT_FREE_FAILURES, IP_MAX_FAILURES } from "@/domain/accounts/session-rules";

const PASSWORD = "correct horse battery staple";
let n = 0;
/** A fresh client address per test, so per-IP counts never leak between tests. */
const freshIp = () => `198.51.100.${++n}`;
const meta = (ip: string) => ({ ip, userAgent: "vitest-credentials" });

async function person(data: { email?: string; disabled?: boolean; password?: string | null } = {}) {
  const city = await makeRegion(prisma, { level: "CITY" });
  const district = await makeRegion(prisma, { level: "DISTRICT", parent: city });
  const agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id });
  return makeUser(prisma, {
    role: "AGENCY_ADMIN",
    organizationId: agency.id,
    email: data.email ?? `person-${++n}@example.cn`,
    password: data.password === undefined ? PASSWORD : data.password,
    disabledAt: data.disabled ? new Date() : null,
  });
}

const auditsFor = (email: string) => prisma.auditEvent.findMany({ where: { action: "auth.signIn", actorEmail: email }, orderBy: { id: "asc" } });
const attemptsFor = (email: string) => prisma.signInAttempt.findMany({ where: { email }, orderBy: { id: "asc" } });

describe("verifyCredentials", () => {
  it("signs in with the right password: attempt, audit and last sign-in recorded", async () => {
    const u = await person({ email: "mixed.case@example.cn" });
    const ip = freshIp();
    const signedIn = await verifyCredentials("  Mixed.Case@Example.CN ", PASSWORD, meta(ip));
    expect(signedIn).toEqual({
      id: u.id,
      email: u.email,
      name: u.name,
      role: "AGENCY_ADMIN",
      sessionVersion: u.sessionVersion,
      regionId: null,
      organizationId: u.organizationId,
      practitionerId: null,
    });
    expect(await attemptsFor(u.email)).toMatchObject([{ email: u.email, ip, success: true }]);
    expect(await auditsFor(u.email)).toMatchObject([{ actorId: u.id, actorRole: "AGENCY_ADMIN", entityId: u.id, outcome: "SUCCESS", ip, userAgent: "vitest-credentials" }]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).lastSignInAt).not.toBeNull();
  });

  it("refuses a wrong password with null and a FAILURE audit event", async () => {
    const u = await person();
    const ip = freshIp();
    expect(await verifyCredentials(u.email, "not the password", meta(ip))).toBeNull();
    expect(await attemptsFor(u.email)).toMatchObject([{ ip, success: false }]);
    expect(await auditsFor(u.email)).toMatchObject([{ actorId: u.id, outcome: "FAILURE", after: { reason: "wrongPassword" }, ip }]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).lastSignInAt).toBeNull();
  });

  it("refuses an unknown account, an account without a password and a disabled account", async () => {
    const ip = freshIp();
    expect(await verifyCredentials("nobody@example.cn", PASSWORD, meta(ip))).toBeNull();
    expect(await auditsFor("nobody@example.cn")).toMatchObject([{ actorId: null, outcome: "FAILURE", after: { reason: "unknownAccount" } }]);

    const pending = await person({ password: null });
    expect(await verifyCredentials(pending.email, PASSWORD, meta(ip))).toBeNull();
    expect(await auditsFor(pending.email)).toMatchObject([{ outcome: "FAILURE", after: { reason: "noPassword" } }]);

    const disabled = await person({ disabled: true });
    expect(await verifyCredentials(disabled.email, PASSWORD, meta(ip))).toBeNull();
    expect(await auditsFor(disabled.email)).toMatchObject([{ actorId: disabled.id, outcome: "FAILURE", after: { reason: "disabled" } }]);
    expect(await prisma.signInAttempt.count({ where: { ip, success: true } })).toBe(0);
  });

  // Issue 7: no lock-out any more, a growing delay (its steps, the known-device exemption and the
  // races are in sign-in-throttle.test.ts). The clock is fixed, so "right after" is exact.
  it(`delays an account after ${ACCOUNT_FREE_FAILURES} failures, from any IP, without blocking others`, async () => {
    expect(ACCOUNT_FREE_FAILURES).toBe(5);
    const victim = await person();
    const bystander = await person();
    const attackerIp = freshIp();
    const now = new Date();
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) expect(await verifyCredentials(victim.email, `guess number ${i}`, meta(attackerIp), { now })).toBeNull();

    // Right after, the right password does not help yet, from the same IP or another one.
    expect(await verifyCredentials(victim.email, PASSWORD, meta(attackerIp), { now })).toBeNull();
    expect(await verifyCredentials(victim.email, PASSWORD, meta(freshIp()), { now })).toBeNull();
    const audits = await auditsFor(victim.email);
    expect(audits.filter((a) => a.outcome === "FAILURE")).toHaveLength(ACCOUNT_FREE_FAILURES);
    expect(audits.slice(-2)).toMatchObject([
      { outcome: "DENIED", after: { reason: "throttled", limit: "account", retryAfterSeconds: 1 } },
      { outcome: "DENIED", after: { reason: "throttled", limit: "account", retryAfterSeconds: 1 } },
    ]);
    expect(audits.some((a) => a.outcome === "SUCCESS")).toBe(false);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: victim.id } })).lastSignInAt).toBeNull();

    // Another account from another IP is unaffected.
    expect(await verifyCredentials(bystander.email, PASSWORD, meta(freshIp()), { now })).toMatchObject({ id: bystander.id });
    // And once the wait is over, the right password signs in.
    expect(await verifyCredentials(victim.email, PASSWORD, meta(freshIp()), { now: new Date(now.getTime() + 1000) })).toMatchObject({ id: victim.id });
  });

  it("counts only the failures since the last successful sign-in", async () => {
    const u = await person();
    const ip = freshIp();
    const now = new Date();
    for (let i = 0; i < ACCOUNT_FREE_FAILURES - 1; i++) await verifyCredentials(u.email, "typo", meta(ip), { now });
    expect(await verifyCredentials(u.email, PASSWORD, meta(ip), { now })).not.toBeNull();
    for (let i = 0; i < ACCOUNT_FREE_FAILURES - 1; i++) await verifyCredentials(u.email, "typo", meta(ip), { now });
    expect(await verifyCredentials(u.email, PASSWORD, meta(ip), { now })).not.toBeNull();
    // …but a fifth consecutive failure delays the next attempt.
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) await verifyCredentials(u.email, "typo", meta(ip), { now });
    expect(await verifyCredentials(u.email, PASSWORD, meta(ip), { now })).toBeNull();
  });

  it(`throttles a client address after ${IP_MAX_FAILURES} failures across accounts`, async () => {
    expect(IP_MAX_FAILURES).toBe(30);
    const first = await person();
    const second = await person();
    const sprayIp = freshIp();
    // Password spraying: one guess per account, many accounts.
    for (let i = 0; i < IP_MAX_FAILURES - 1; i++) expect(await verifyCredentials(`spray-${i}@example.cn`, "Spring2026!!", meta(sprayIp))).toBeNull();
    // 29 failures: still allowed.
    expect(await verifyCredentials(first.email, PASSWORD, meta(sprayIp))).toMatchObject({ id: first.id });
    // A success does not forgive the address. The 30th failure closes it…
    expect(await verifyCredentials("spray-last@example.cn", "Spring2026!!", meta(sprayIp))).toBeNull();
    expect(await verifyCredentials(second.email, PASSWORD, meta(sprayIp))).toBeNull();
    expect(await auditsFor(second.email)).toMatchObject([{ outcome: "DENIED", after: { reason: "throttled" }, ip: sprayIp }]);
    // …for that address only.
    expect(await verifyCredentials(second.email, PASSWORD, meta(freshIp()))).toMatchObject({ id: second.id });
  });
});
