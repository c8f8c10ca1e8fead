import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { prisma } from "@/server/db";
import { can, isRole, type TAction, type TPrincipal, type TRole, type TTarget } from "@/domain/authz/matrix";
import type { TAuthzErrorCode } from "@/domain/authz/errors";
import { auditActor, recordAuditStandalone } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { localeFromDb, type TLocale } from "@/lib/locales";
import { auth } from "./config";

export type TCurrentUser = TPrincipal & {
  /** This session's id (from the token), for signing out of it alone. */
  sessionId: string;
  email: string;
  name: string;
  locale: TLocale | null;
  regionId: string | null;
  regionName: { name: string; nameHant: string | null; nameEn: string | null } | null;
  organizationName: { name: string; nameHant: string | null; nameEn: string | null } | null;
};

/**
 * The signed-in user, or null. The token is only a pointer: role, scope and liveness come
 * from the database on every request, so disabling, sign-out elsewhere, a password change
 * or a new role takes effect at once.
 */
export const getCurrentUser = cache(async (): Promise<TCurrentUser | null> => {
  const session = await auth();
  if (!session?.uid || typeof session.sv !== "number" || !session.sid) return null;
  const [user, revoked] = await Promise.all([
    prisma.user.findUnique({
    where: { id: session.uid },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      locale: true,
      disabledAt: true,
      sessionVersion: true,
      regionId: true,
      organizationId: true,
      practitionerId: true,
      region: { select: { path: true, name: true, nameHant: true, nameEn: true } },
      organization: { select: { name: true, nameHant: true, nameEn: true } },
    },
    }),
    prisma.revokedSession.findUnique({ where: { sid: session.sid }, select: { sid: true } }),
  ]);
  if (revoked) return null;
  if (!user || user.disabledAt || user.sessionVersion !== session.sv || !isRole(user.role)) return null;
  return {
    id: user.id,
    sessionId: session.sid,
    email: user.email,
    name: user.name,
    role: user.role as TRole,
    locale: localeFromDb(user.locale),
    regionId: user.regionId,
    regionPath: user.region?.path ?? null,
    regionName: user.region ? { name: user.region.name, nameHant: user.region.nameHant, nameEn: user.region.nameEn } : null,
    organizationId: user.organizationId,
    organizationName: user.organization ?? null,
    practitionerId: user.practitionerId,
  };
});

/** For pages: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<TCurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

async function auditDenied(user: TCurrentUser, action: string, target?: TTarget & { entity?: string; entityId?: string }) {
  await recordAuditStandalone({
    actor: auditActor(user),
    action,
    entity: target?.entity ?? "Permission",
    entityId: target?.entityId ?? null,
    outcome: "DENIED",
    meta: await getRequestMeta(),
  });
}

/** For pages: the user if they may perform `action` (on `target`), else an audited 403. */
export async function requirePermission(action: TAction, target?: TTarget & { entity?: string; entityId?: string }): Promise<TCurrentUser> {
  const user = await requireUser();
  if (!can(user, action, target)) {
    await auditDenied(user, action, target);
    forbidden();
  }
  return user;
}

export class AuthzError extends Error {
  constructor(public readonly code: TAuthzErrorCode) {
    super(code);
  }
}

/** For server actions and route handlers: throws AuthzError instead of navigating. */
export async function authorize(action: TAction, target?: TTarget & { entity?: string; entityId?: string }): Promise<TCurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthzError("unauthenticated");
  if (!can(user, action, target)) {
    await auditDenied(user, action, target);
    throw new AuthzError("forbidden");
  }
  return user;
}
