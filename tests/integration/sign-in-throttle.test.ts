import { createHmac } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

import { cookies, setRequest } from "../helpers/fake-headers";
import { prisma } from "@/server/db";
import { makeUser } from "@/server/seed/factories";
import { attemptSignIn, signInWithPassword, verifyCredentials } from "@/server/auth/credentials";
import { KNOWN_DEVICE_COOKIE, knownDeviceCookieOptions, knownDeviceUserId, signKnownDevice } from "@/server/auth/known-device";
import * as password from "@/server/auth/password";
import { ACCOUNT_FREE_FAILURES, IP_MAX_FAILURES, KNOWN_DEVICE_TTL_S, accountDelayMs } from "@/domain/accounts/session-rules";

// Issue 7 (security hardening): the login throttle could be raced (the failures were counted
// before the attempt was recorded), and its per-account lock-out let anyone keep any account,
// the city administrator's included, locked. Now: record-and-count under advisory locks; per
// account a growing delay instead of a lock, which a browser that signed in to the account before
// (a signed known-device cookie) skips; per address a hard limit for everyone.
// These drive src/server/auth/credentials.ts as Auth.js's authorize() does (config.ts), with an
// explicit clock.

// Counts the password checks that really ran (the real argon2 still answers).
vi.mock("@/server/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/auth/password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const verifySpy = vi.mocked(password.verifyPassword);

const PASSWORD = "correct horse battery staple";
let n = 0;
const freshIp = () => `192.0.2.${++n}`;
const meta = (ip: string) => ({ ip, userAgent: "vitest-throttle" });
const evaluatedFor = (where: { actorEmail?: string; ip?: string }) => prisma.auditEvent.count({ where: { action: "auth.signIn", outcome: { in: ["FAILURE", "SUCCESS"] }, ...where } });
const cityAdmin = () => makeUser(prisma, { role: "CITY_ADMIN", password: PASSWORD });

/** One request from a browser at `ip` holding `cookie` (a known-device cookie value, or none); returns the cookie it holds after. */
async function fromBrowser(ip: string, cookie: string | null, email: string, pw: string, now: Date) {
  setRequest({ ip });
  const jar = await cookies();
  if (cookie) jar.set(KNOWN_DEVICE_COOKIE, cookie);
  const outcome = await signInWithPassword(email, pw, now);
  return { outcome, cookie: jar.get(KNOWN_DEVICE_COOKIE)?.value ?? null };
}

/** `count` wrong guesses on `email` at `now`, each from its own address (a distributed guesser). */
async function guess(email: string, count: number, now: Date) {
  for (let i = 0; i < count; i++) await verifyCredentials(email, `guess ${i}`, meta(freshIp()), { now });
}

describe("the sign-in throttle cannot be raced", () => {
  it("30 parallel wrong guesses on one account: at most the account's limit reach the password check", async () => {
    const victim = await cityAdmin();
    verifySpy.mockClear();
    const now = new Date();
    // A distributed guesser: each guess from its own address, all at once.
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => verifyCredentials(victim.email, `guess ${i}`, meta(freshIp()), { now })));
    expect(results.every((r) => r === null)).toBe(true);
    expect(verifySpy).toHaveBeenCalledTimes(ACCOUNT_FREE_FAILURES);
    expect(await evaluatedFor({ actorEmail: victim.email })).toBe(ACCOUNT_FREE_FAILURES);
    expect(await prisma.signInAttempt.count({ where: { email: victim.email } })).toBe(ACCOUNT_FREE_FAILURES);
    expect(await prisma.auditEvent.count({ where: { actorEmail: victim.email, outcome: "DENIED" } })).toBe(30 - ACCOUNT_FREE_FAILURES);
  });

  it("60 parallel guesses from one address across accounts: at most the address's limit are evaluated", async () => {
    const ip = freshIp();
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => verifyCredentials(`spray-race-${i}@example.cn`, "Spring2026!!", meta(ip), { now })));
    expect(results.every((r) => r === null)).toBe(true);
    expect(await evaluatedFor({ ip })).toBe(IP_MAX_FAILURES);
    expect(await prisma.signInAttempt.count({ where: { ip } })).toBe(IP_MAX_FAILURES);
  });
});

describe("per account: a growing delay, not a lock-out", () => {
  it("waits 1 s, 2 s, 4 s, 8 s after the free failures; an early attempt is refused unchecked and does not lengthen the wait", async () => {
    expect(ACCOUNT_FREE_FAILURES).toBe(5);
    const u = await cityAdmin();
    const t0 = Date.now();
    let clock = t0;
    await guess(u.email, ACCOUNT_FREE_FAILURES, new Date(clock));
    for (const wait of [1000, 2000, 4000, 8000]) {
      verifySpy.mockClear();
      // Right after the latest failure, and one millisecond before the wait is over: refused,
      // even with the right password, which is not even checked.
      expect(await attemptSignIn(u.email, PASSWORD, meta(freshIp()), { now: new Date(clock) })).toEqual({ ok: false, throttled: true, retryAfterSeconds: wait / 1000 });
      expect(await attemptSignIn(u.email, PASSWORD, meta(freshIp()), { now: new Date(clock + wait - 1) })).toEqual({ ok: false, throttled: true, retryAfterSeconds: 1 });
      expect(verifySpy).not.toHaveBeenCalled();
      // On time: checked. Another wrong guess doubles the next wait (the refusals did not).
      clock += wait;
      expect(await attemptSignIn(u.email, `late guess ${wait}`, meta(freshIp()), { now: new Date(clock) })).toEqual({ ok: false, throttled: false });
      expect(verifySpy).toHaveBeenCalledTimes(1);
    }
    // Once the wait is over, the right password signs in from any browser.
    expect(await attemptSignIn(u.email, PASSWORD, meta(freshIp()), { now: new Date(clock + 16_000 - 1) })).toMatchObject({ ok: false, throttled: true });
    expect(await attemptSignIn(u.email, PASSWORD, meta(freshIp()), { now: new Date(clock + 16_000) })).toMatchObject({ ok: true, user: { id: u.id } });
    // Refusals are audited, not recorded as attempts: only checked passwords are.
    expect(await prisma.signInAttempt.count({ where: { email: u.email } })).toBe(ACCOUNT_FREE_FAILURES + 4 + 1);
    expect(await prisma.auditEvent.count({ where: { actorEmail: u.email, outcome: "DENIED", after: { path: ["reason"], equals: "throttled" } } })).toBe(2 * 4 + 1);
  });

  it("a guesser cannot keep the city administrator out: the browser that signed in before signs in at once", async () => {
    const admin = await cityAdmin();
    const t0 = Date.now();
    const officeIp = freshIp();
    // Yesterday the administrator signed in from the office browser, which got a known-device cookie.
    const office = await fromBrowser(officeIp, null, admin.email, PASSWORD, new Date(t0 - 86_400_000));
    expect(office.outcome).toMatchObject({ ok: true, user: { id: admin.id } });
    expect(office.cookie).not.toBeNull();

    // Today someone guesses from everywhere, and keeps hammering.
    await guess(admin.email, ACCOUNT_FREE_FAILURES + 20, new Date(t0));

    // A new browser, even with the right password, has to wait…
    const elsewhere = await fromBrowser(freshIp(), null, admin.email, PASSWORD, new Date(t0 + 500));
    expect(elsewhere.outcome).toEqual({ ok: false, throttled: true, retryAfterSeconds: 1 });
    expect(elsewhere.cookie).toBeNull();

    // …the office browser does not: a typo is checked (and recorded) at once, then the right password signs in.
    verifySpy.mockClear();
    expect((await fromBrowser(officeIp, office.cookie, admin.email, "correct horse battery stapel", new Date(t0 + 500))).outcome).toEqual({ ok: false, throttled: false });
    expect(verifySpy).toHaveBeenCalledTimes(1);
    const back = await fromBrowser(officeIp, office.cookie, admin.email, PASSWORD, new Date(t0 + 501));
    expect(back.outcome).toMatchObject({ ok: true, user: { id: admin.id } });
    expect(knownDeviceUserId(back.cookie, new Date(t0 + 501))).toBe(admin.id);
    expect(await prisma.signInAttempt.findMany({ where: { email: admin.email, ip: officeIp }, orderBy: { id: "asc" }, select: { success: true } })).toEqual([
      { success: true },
      { success: false },
      { success: true },
    ]);
    const audits = await prisma.auditEvent.findMany({ where: { actorEmail: admin.email }, orderBy: { id: "asc" }, select: { outcome: true, ip: true } });
    expect(audits.at(-1)).toEqual({ outcome: "SUCCESS", ip: officeIp });
  });

  it("a forged, tampered, expired or other account's known-device cookie gives no exemption", async () => {
    const victim = await cityAdmin();
    const other = await cityAdmin();
    const t0 = Date.now();
    const otherCookie = (await fromBrowser(freshIp(), null, other.email, PASSWORD, new Date(t0 - 60_000))).cookie!;
    expect(knownDeviceUserId(otherCookie, new Date(t0))).toBe(other.id);
    const expires = Math.floor(t0 / 1000) + 3600;
    const forged = `${victim.id}.${expires}.${createHmac("sha256", "not-the-portal-secret-not-the-portal-secret").update(`${victim.id}\n${expires}`).digest("base64url")}`;
    const tampered = otherCookie.replace(other.id, victim.id);
    const expired = signKnownDevice(victim.id, new Date(t0 - (KNOWN_DEVICE_TTL_S + 1) * 1000));
    const garbage = `${victim.id}`;
    for (const cookie of [otherCookie, forged, tampered, expired, garbage]) expect(knownDeviceUserId(cookie, new Date(t0))).not.toBe(victim.id);

    await guess(victim.email, ACCOUNT_FREE_FAILURES, new Date(t0));
    verifySpy.mockClear();
    for (const cookie of [otherCookie, forged, tampered, expired, garbage]) {
      const r = await fromBrowser(freshIp(), cookie, victim.email, PASSWORD, new Date(t0 + 500));
      expect(r.outcome, cookie).toEqual({ ok: false, throttled: true, retryAfterSeconds: 1 });
    }
    expect(verifySpy).not.toHaveBeenCalled();
    expect(await prisma.auditEvent.count({ where: { actorEmail: victim.email, outcome: "SUCCESS" } })).toBe(0);
    // The genuine article still works.
    expect((await fromBrowser(freshIp(), signKnownDevice(victim.id, new Date(t0)), victim.email, PASSWORD, new Date(t0 + 500))).outcome).toMatchObject({ ok: true });
  });
});

describe("known-device cookie", () => {
  it("is set at a successful sign-in only: signed, naming the account, httpOnly, sameSite=lax, 180 days", async () => {
    const u = await cityAdmin();
    const now = new Date();
    expect((await fromBrowser(freshIp(), null, u.email, "wrong", now)).cookie).toBeNull();
    const { cookie } = await fromBrowser(freshIp(), null, u.email, PASSWORD, now);
    expect(cookie).toMatch(new RegExp(`^${u.id}\\.${Math.floor(now.getTime() / 1000) + KNOWN_DEVICE_TTL_S}\\.[A-Za-z0-9_-]{43}$`));
    expect(knownDeviceUserId(cookie, now)).toBe(u.id);
    expect(KNOWN_DEVICE_TTL_S).toBe(180 * 24 * 60 * 60);
    // APP_URL is unset here (http://localhost:3000), so not `secure`.
    expect(await knownDeviceCookieOptions()).toEqual({ httpOnly: true, sameSite: "lax", secure: false, path: "/", maxAge: KNOWN_DEVICE_TTL_S });
  });
});

describe("per address: a hard limit, known device or not", () => {
  it("refuses a known device's right password from an address at its limit; the device's own failures count", async () => {
    const u = await cityAdmin();
    const t0 = Date.now();
    const device = signKnownDevice(u.id, new Date(t0));
    const sprayIp = freshIp();
    for (let i = 0; i < IP_MAX_FAILURES; i++) await verifyCredentials(`spray-${i}@example.cn`, "Spring2026!!", meta(sprayIp), { now: new Date(t0) });
    const refused = await fromBrowser(sprayIp, device, u.email, PASSWORD, new Date(t0 + 1000));
    expect(refused.outcome).toMatchObject({ ok: false, throttled: true });
    expect(await prisma.auditEvent.findFirst({ where: { actorEmail: u.email }, select: { outcome: true, ip: true, after: true } })).toMatchObject({
      outcome: "DENIED",
      ip: sprayIp,
      after: { reason: "throttled", limit: "ip" },
    });
    // From another address, the same browser signs in.
    expect((await fromBrowser(freshIp(), device, u.email, PASSWORD, new Date(t0 + 1000))).outcome).toMatchObject({ ok: true });

    // A known device is spared the account's delay, not the address's limit: its failures are
    // recorded and counted like anyone's.
    const homeIp = freshIp();
    verifySpy.mockClear();
    for (let i = 0; i < IP_MAX_FAILURES; i++) {
      expect((await fromBrowser(homeIp, device, u.email, `typo ${i}`, new Date(t0 + 2000))).outcome).toEqual({ ok: false, throttled: false });
    }
    expect(verifySpy).toHaveBeenCalledTimes(IP_MAX_FAILURES);
    expect(await prisma.signInAttempt.count({ where: { ip: homeIp, success: false } })).toBe(IP_MAX_FAILURES);
    expect((await fromBrowser(homeIp, device, u.email, PASSWORD, new Date(t0 + 2000))).outcome).toMatchObject({ ok: false, throttled: true });
    expect(accountDelayMs(IP_MAX_FAILURES)).toBeGreaterThan(0); // without the device, those typos would have been delayed
  });
});
