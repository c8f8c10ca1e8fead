import "server-only";
import { prisma } from "@/server/db";
import { recordAuditStandalone } from "@/server/audit/record";
import type { TRequestMeta } from "@/server/request-meta";
import { burnPasswordCheck, verifyPassword } from "./password";
import { ACCOUNT_MAX_FAILURES, IP_MAX_FAILURES, THROTTLE_WINDOW_MS } from "@/domain/accounts/session-rules";

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

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Is this account or this IP currently throttled? Failures since the last success count. */
export async function isThrottled(email: string, ip: string, now = new Date()): Promise<boolean> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const lastSuccess = await prisma.signInAttempt.findFirst({
    where: { email, success: true, createdAt: { gte: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = lastSuccess?.createdAt ?? windowStart;
  const [accountFailures, ipFailures] = await Promise.all([
    prisma.signInAttempt.count({ where: { email, success: false, createdAt: { gt: since } } }),
    prisma.signInAttempt.count({ where: { ip, success: false, createdAt: { gte: windowStart } } }),
  ]);
  return accountFailures >= ACCOUNT_MAX_FAILURES || ipFailures >= IP_MAX_FAILURES;
}

/**
 * Checks an e-mail and password. Every outcome looks the same to the caller (null), so the
 * sign-in page can only ever say the one generic message; the audit log tells them apart.
 */
export async function verifyCredentials(rawEmail: string, password: string, meta: TRequestMeta): Promise<TSignedIn | null> {
  const email = normaliseEmail(rawEmail).slice(0, 320);
  const ip = meta.ip ?? "unknown";

  if (await isThrottled(email, ip)) {
    await burnPasswordCheck(password);
    await prisma.signInAttempt.create({ data: { email, ip, success: false } });
    await recordAuditStandalone({ actor: null, actorEmail: email, action: "auth.signIn", entity: "User", outcome: "DENIED", after: { reason: "throttled" }, meta });
    return null;
  }

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true, sessionVersion: true, regionId: true, organizationId: true, practitionerId: true },
  });

  let ok = false;
  if (user?.passwordHash) ok = await verifyPassword(user.passwordHash, password);
  else await burnPasswordCheck(password);
  const reason = !user ? "unknownAccount" : !user.passwordHash ? "noPassword" : !ok ? "wrongPassword" : user.disabledAt ? "disabled" : null;

  if (reason || !user) {
    await prisma.$transaction([
      prisma.signInAttempt.create({ data: { email, ip, success: false } }),
      prisma.auditEvent.create({
        data: { actorId: user?.id ?? null, actorEmail: email, actorRole: user?.role ?? null, action: "auth.signIn", entity: "User", entityId: user?.id ?? null, outcome: "FAILURE", after: { reason }, ip: meta.ip, userAgent: meta.userAgent },
      }),
    ]);
    return null;
  }

  await prisma.$transaction([
    prisma.signInAttempt.create({ data: { email, ip, success: true } }),
    prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } }),
    prisma.auditEvent.create({
      data: { actorId: user.id, actorEmail: user.email, actorRole: user.role, action: "auth.signIn", entity: "User", entityId: user.id, outcome: "SUCCESS", ip: meta.ip, userAgent: meta.userAgent },
    }),
  ]);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
    regionId: user.regionId,
    organizationId: user.organizationId,
    practitionerId: user.practitionerId,
  };
}
