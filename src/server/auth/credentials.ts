import "server-only";
import { cookies } from "next/headers";
import { prisma } from "@/server/db";
import { recordAuditStandalone } from "@/server/audit/record";
import { getRequestMeta, type TRequestMeta } from "@/server/request-meta";
import { burnPasswordCheck, verifyPassword } from "./password";
import { KNOWN_DEVICE_COOKIE, knownDeviceCookieOptions, knownDeviceUserId, signKnownDevice } from "./known-device";
import { ACCOUNT_FAILURE_WINDOW_MS, IP_MAX_FAILURES, IP_WINDOW_MS, accountDelayMs } from "@/domain/accounts/session-rules";

export type TSignedIn = {
  id: string;
  email: string;
  name: string;
  role: string;
  sessionVersion: number;
  regionId: string | null;
  organizationId: string | null;
  practitionerId: string | null;
};

/** How an attempt ended. A throttled one never reached the password check. */
export type TSignInOutcome =
  | { ok: true; user: TSignedIn }
  | { ok: false; throttled: false }
  | { ok: false; throttled: true; retryAfterSeconds: number };

export type TAttemptOptions = {
  /** The account a valid known-device cookie of this browser names (known-device.ts). */
  knownDeviceUserId?: string | null;
  now?: Date;
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

type TAdmission = { admitted: true; attemptId: bigint } | { admitted: false; limit: "account" | "ip"; retryAfterMs: number };

/**
 * Records the attempt and counts, as one step: under transaction-scoped advisory locks on the
 * account and on the address, the recent failures are counted and, unless a limit refuses it, this
 * attempt is inserted as a failure before its password is checked (it becomes a success only after).
 * Parallel attempts therefore queue on the locks and each one sees every attempt admitted before
 * it, finished or not: no burst can pass the limits together. A refused attempt is not inserted:
 * it checks no password, and must not lengthen the wait of a rightful user.
 */
async function admit(email: string, ip: string, trustedDevice: boolean, now: Date): Promise<TAdmission> {
  return prisma.$transaction(
    async (tx) => {
      // Two-key advisory locks, always account first, then address: a fixed order never deadlocks,
      // and the (class, hash) form keeps the two key spaces apart.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(70701, hashtext(${email}))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(70702, hashtext(${ip}))`;

      // Per address: a hard limit, whatever the device.
      const ipSince = new Date(now.getTime() - IP_WINDOW_MS);
      const ipFailures = await tx.signInAttempt.aggregate({
        where: { ip, success: false, createdAt: { gt: ipSince } },
        _count: { _all: true },
        _min: { createdAt: true },
      });
      if (ipFailures._count._all >= IP_MAX_FAILURES) {
        const reopensAt = (ipFailures._min.createdAt ?? now).getTime() + IP_WINDOW_MS;
        return { admitted: false, limit: "ip", retryAfterMs: reopensAt - now.getTime() };
      }

      // Per account: a growing wait after the latest failure since the last success; none for a
      // browser that signed in to this very account before.
      if (!trustedDevice) {
        const accountSince = new Date(now.getTime() - ACCOUNT_FAILURE_WINDOW_MS);
        const lastSuccess = await tx.signInAttempt.findFirst({
          where: { email, success: true, createdAt: { gt: accountSince } },
          orderBy: { id: "desc" },
          select: { id: true },
        });
        const failures = await tx.signInAttempt.aggregate({
          where: { email, success: false, createdAt: { gt: accountSince }, ...(lastSuccess ? { id: { gt: lastSuccess.id } } : {}) },
          _count: { _all: true },
          _max: { createdAt: true },
        });
        const delay = accountDelayMs(failures._count._all);
        const latest = failures._max.createdAt;
        if (delay > 0 && latest && now.getTime() < latest.getTime() + delay) {
          return { admitted: false, limit: "account", retryAfterMs: latest.getTime() + delay - now.getTime() };
        }
      }

      const attempt = await tx.signInAttempt.create({ data: { email, ip, success: false, createdAt: now }, select: { id: true } });
      return { admitted: true, attemptId: attempt.id };
    },
    // Attempts queue on the locks; each holds them for a few short statements only.
    { maxWait: 10_000, timeout: 10_000 },
  );
}

/**
 * Checks an e-mail and password under the throttle. Wrong password, unknown account, no password
 * and disabled account all end the same ({ ok: false, throttled: false }), so the sign-in page can
 * only ever say the one generic message; the audit log tells them apart. A throttled attempt says
 * when to try again: it is counted by e-mail whether the account exists or not, so that reveals
 * nothing either.
 */
export async function attemptSignIn(rawEmail: string, password: string, meta: TRequestMeta, options: TAttemptOptions = {}): Promise<TSignInOutcome> {
  const email = normaliseEmail(rawEmail).slice(0, 320);
  const ip = meta.ip ?? "unknown";
  const now = options.now ?? new Date();

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true, sessionVersion: true, regionId: true, organizationId: true, practitionerId: true },
  });
  const trustedDevice = !!user && !!options.knownDeviceUserId && options.knownDeviceUserId === user.id;

  const admission = await admit(email, ip, trustedDevice, now);
  if (!admission.admitted) {
    const retryAfterSeconds = Math.max(1, Math.ceil(admission.retryAfterMs / 1000));
    await recordAuditStandalone({ actor: null, actorEmail: email, action: "auth.signIn", entity: "User", outcome: "DENIED", after: { reason: "throttled", limit: admission.limit, retryAfterSeconds }, meta });
    return { ok: false, throttled: true, retryAfterSeconds };
  }

  let ok = false;
  if (user?.passwordHash) ok = await verifyPassword(user.passwordHash, password);
  else await burnPasswordCheck(password);
  const reason = !user ? "unknownAccount" : !user.passwordHash ? "noPassword" : !ok ? "wrongPassword" : user.disabledAt ? "disabled" : null;

  if (reason || !user) {
    // The attempt is already recorded as a failure.
    await prisma.auditEvent.create({
      data: { actorId: user?.id ?? null, actorEmail: email, actorRole: user?.role ?? null, action: "auth.signIn", entity: "User", entityId: user?.id ?? null, outcome: "FAILURE", after: { reason, ...(trustedDevice ? { knownDevice: true } : {}) }, ip: meta.ip, userAgent: meta.userAgent },
    });
    return { ok: false, throttled: false };
  }

  await prisma.$transaction([
    prisma.signInAttempt.update({ where: { id: admission.attemptId }, data: { success: true } }),
    prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: now } }),
    prisma.auditEvent.create({
      data: { actorId: user.id, actorEmail: user.email, actorRole: user.role, action: "auth.signIn", entity: "User", entityId: user.id, outcome: "SUCCESS", ip: meta.ip, userAgent: meta.userAgent },
    }),
  ]);
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      sessionVersion: user.sessionVersion,
      regionId: user.regionId,
      organizationId: user.organizationId,
      practitionerId: user.practitionerId,
    },
  };
}

/** attemptSignIn, answering only the signed-in user or null (throttled or not). */
export async function verifyCredentials(rawEmail: string, password: string, meta: TRequestMeta, options: TAttemptOptions = {}): Promise<TSignedIn | null> {
  const outcome = await attemptSignIn(rawEmail, password, meta, options);
  return outcome.ok ? outcome.user : null;
}

/**
 * Sign-in from the current request (Auth.js's authorize): the client address from request-meta,
 * the known-device cookie from the request; a success (re)sets that cookie for this account.
 */
export async function signInWithPassword(rawEmail: string, password: string, now = new Date()): Promise<TSignInOutcome> {
  const jar = await cookies();
  const device = knownDeviceUserId(jar.get(KNOWN_DEVICE_COOKIE)?.value, now);
  const outcome = await attemptSignIn(rawEmail, password, await getRequestMeta(), { knownDeviceUserId: device, now });
  if (outcome.ok) jar.set(KNOWN_DEVICE_COOKIE, signKnownDevice(outcome.user.id, now), await knownDeviceCookieOptions());
  return outcome;
}
