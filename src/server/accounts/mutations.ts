import "server-only";
import { isOrganizationRole, ROLE_ORGANIZATION_KIND, ROLE_SCOPE_FIELD } from "@/domain/accounts/role-scope";
import { getTranslations } from "next-intl/server";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { enqueueEmail, deliver } from "@/server/notifications/mailer";
import { ABSOLUTE_TIMEOUT_S, PASSWORD_TOKEN_TTL_MS } from "@/domain/accounts/session-rules";
import type { TCreateUser, TUpdateUser } from "@/domain/accounts/schemas";
import { passwordProblemKey } from "@/domain/accounts/schemas";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { DEFAULT_LOCALE, localeFromDb, localeToDb, type TLocale } from "@/lib/locales";
import { hashToken, newToken } from "./tokens";
import { appUrl } from "./app-url";


/** Checks that a scope anchor exists and is of the kind the role needs. */
async function assertScopeAnchor(tx: TTx, input: Pick<TCreateUser, "role" | "regionId" | "organizationId" | "practitionerId">, userId?: string) {
  const anchor = ROLE_SCOPE_FIELD[input.role];
  if (anchor === "regionId") {
    const region = await tx.region.findUnique({ where: { id: input.regionId ?? "" }, select: { level: true } });
    if (region?.level !== "DISTRICT") throw new DomainError("invalidScope", "regionId");
  }
  if (isOrganizationRole(input.role)) {
    const org = await tx.organization.findUnique({ where: { id: input.organizationId ?? "" }, select: { kind: true } });
    if (org?.kind !== ROLE_ORGANIZATION_KIND[input.role]) throw new DomainError("invalidScope", "organizationId");
  }
  if (anchor === "practitionerId") {
    const p = await tx.practitioner.findUnique({ where: { id: input.practitionerId ?? "" }, select: { user: { select: { id: true } } } });
    if (!p) throw new DomainError("invalidScope", "practitionerId");
    if (p.user && p.user.id !== userId) throw new DomainError("practitionerHasAccount", "practitionerId");
  }
}

export async function sendPasswordLink(tx: TTx, user: { id: string; email: string; name: string; locale: string | null }, purpose: "SET_PASSWORD" | "RESET_PASSWORD") {
  const { token, tokenHash } = newToken();
  // A new link voids the old ones.
  await tx.passwordToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
  await tx.passwordToken.create({ data: { userId: user.id, tokenHash, purpose, expiresAt: new Date(Date.now() + PASSWORD_TOKEN_TTL_MS) } });
  const locale: TLocale = localeFromDb(user.locale) ?? DEFAULT_LOCALE;
  const t = await getTranslations({ locale, namespace: "email" });
  const link = `${await appUrl()}/set-password?token=${encodeURIComponent(token)}`;
  const kind = purpose === "SET_PASSWORD" ? "welcome" : "reset";
  return enqueueEmail(tx, {
    to: user.email,
    subject: t(`${kind}.subject`),
    body: t(`${kind}.body`, { name: user.name, link, hours: PASSWORD_TOKEN_TTL_MS / 3_600_000 }),
  });
}

export async function createUser(input: TCreateUser) {
  const actor = await authorize("users.create");
  const meta = await getRequestMeta();
  const { user, emailId } = await prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new DomainError("emailTaken", "email");
    await assertScopeAnchor(tx, input);
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, regionId: input.regionId, organizationId: input.organizationId, practitionerId: input.practitionerId },
      select: { id: true, email: true, name: true, role: true, regionId: true, organizationId: true, practitionerId: true, locale: true },
    });
    const emailId = await sendPasswordLink(tx, user, "SET_PASSWORD");
    await recordAudit(tx, { actor: auditActor(actor), action: "users.create", entity: "User", entityId: user.id, before: null, after: user, meta });
    return { user, emailId };
  });
  await deliver(emailId);
  return user;
}

const editSelect = { id: true, name: true, role: true, regionId: true, organizationId: true, practitionerId: true, version: true, disabledAt: true } as const;

export async function updateUser(input: TUpdateUser) {
  const actor = await authorize("users.update");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: editSelect });
    if (!before) throw new DomainError("notFound");
    if (before.version !== input.version) throw new StaleEditError();
    if (before.id === actor.id && input.role !== before.role) throw new DomainError("cannotChangeOwnRole", "role");
    await assertScopeAnchor(tx, input, input.id);
    const scopeChanged =
      before.role !== input.role || before.regionId !== input.regionId || before.organizationId !== input.organizationId || before.practitionerId !== input.practitionerId;
    const result = await tx.user.updateMany({
      where: { id: input.id, version: input.version },
      data: {
        name: input.name,
        role: input.role,
        regionId: input.regionId,
        organizationId: input.organizationId,
        practitionerId: input.practitionerId,
        version: { increment: 1 },
        // A new role or scope ends open sessions: the next request signs in afresh.
        ...(scopeChanged ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    if (result.count !== 1) throw new StaleEditError();
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: editSelect });
    await recordAudit(tx, { actor: auditActor(actor), action: "users.update", entity: "User", entityId: input.id, before, after, meta });
    return after;
  });
}

export async function setUserDisabled(ref: { id: string; version: number }, disabled: boolean) {
  const actor = await authorize("users.disable");
  const meta = await getRequestMeta();
  if (ref.id === actor.id) throw new DomainError("cannotDisableSelf");
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: ref.id }, select: editSelect });
    if (!before) throw new DomainError("notFound");
    const result = await tx.user.updateMany({
      where: { id: ref.id, version: ref.version },
      data: { disabledAt: disabled ? new Date() : null, version: { increment: 1 }, sessionVersion: { increment: 1 } },
    });
    if (result.count !== 1) throw new StaleEditError();
    const after = await tx.user.findUniqueOrThrow({ where: { id: ref.id }, select: editSelect });
    await recordAudit(tx, { actor: auditActor(actor), action: disabled ? "users.disable" : "users.enable", entity: "User", entityId: ref.id, before, after, meta });
  });
}

/** Clears the password, ends sessions and e-mails a one-time link to choose a new one. */
export async function resetUserPassword(ref: { id: string; version: number }) {
  const actor = await authorize("users.resetPassword");
  const meta = await getRequestMeta();
  const emailId = await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: ref.id }, select: { id: true, email: true, name: true, locale: true, version: true } });
    if (!user) throw new DomainError("notFound");
    const result = await tx.user.updateMany({
      where: { id: ref.id, version: ref.version },
      data: { passwordHash: null, version: { increment: 1 }, sessionVersion: { increment: 1 } },
    });
    if (result.count !== 1) throw new StaleEditError();
    const emailId = await sendPasswordLink(tx, user, "RESET_PASSWORD");
    await recordAudit(tx, { actor: auditActor(actor), action: "users.resetPassword", entity: "User", entityId: ref.id, before: null, after: { passwordReset: true }, meta });
    return emailId;
  });
  await deliver(emailId);
}

export async function changeOwnPassword(input: { currentPassword: string; newPassword: string }) {
  const actor = await authorize("account.changePassword");
  const meta = await getRequestMeta();
  const problem = passwordProblemKey(input.newPassword, actor.email);
  if (problem) throw new DomainError(problem, "newPassword");
  const row = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!row.passwordHash || !(await verifyPassword(row.passwordHash, input.currentPassword))) throw new DomainError("wrongCurrentPassword", "currentPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actor: auditActor(actor), action: "account.changePassword", entity: "User", entityId: actor.id, after: { passwordChanged: true }, meta });
  });
}

/** Redeems a one-time link. Returns the e-mail so the page can offer to sign in. */
export async function setPasswordWithToken(input: { token: string; newPassword: string }) {
  const meta = await getRequestMeta();
  const tokenHash = hashToken(input.token);
  const token = await prisma.passwordToken.findUnique({ where: { tokenHash }, select: { id: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, role: true, disabledAt: true } } } });
  if (!token || token.usedAt || token.expiresAt < new Date() || token.user.disabledAt) throw new DomainError("tokenInvalid");
  const problem = passwordProblemKey(input.newPassword, token.user.email);
  if (problem) throw new DomainError(problem, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await prisma.$transaction(async (tx) => {
    // Claim the token first so two tabs cannot both use it.
    const claimed = await tx.passwordToken.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count !== 1) throw new DomainError("tokenInvalid");
    await tx.user.update({ where: { id: token.user.id }, data: { passwordHash, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actor: { id: token.user.id, email: token.user.email, role: token.user.role }, action: "account.setPassword", entity: "User", entityId: token.user.id, after: { passwordSet: true }, meta });
  });
  return { email: token.user.email };
}

export async function isPasswordTokenUsable(token: string): Promise<boolean> {
  const row = await prisma.passwordToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { usedAt: true, expiresAt: true, user: { select: { disabledAt: true } } } });
  return !!row && !row.usedAt && row.expiresAt > new Date() && !row.user.disabledAt;
}

export async function setOwnLocale(locale: TLocale) {
  const actor = await authorize("account.updatePreferences");
  const meta = await getRequestMeta();
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { locale: true } });
    await tx.user.update({ where: { id: actor.id }, data: { locale: localeToDb(locale) } });
    await recordAudit(tx, { actor: auditActor(actor), action: "account.updatePreferences", entity: "User", entityId: actor.id, before, after: { locale: localeToDb(locale) }, meta });
  });
}

/**
 * Sign-out ends this session only (the user's other devices stay signed in); its token is
 * refused until it would have expired anyway. Expired revocations are pruned on the way.
 */
export async function endCurrentSession(user: TCurrentUser) {
  const meta = await getRequestMeta();
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    await tx.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
    await tx.revokedSession.upsert({
      where: { sid: user.sessionId },
      create: { sid: user.sessionId, userId: user.id, expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_S * 1000) },
      update: {},
    });
    await recordAudit(tx, { actor: auditActor(user), action: "auth.signOut", entity: "User", entityId: user.id, meta });
  });
}
