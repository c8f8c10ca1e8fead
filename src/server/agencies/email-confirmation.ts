import "server-only";
import { createHmac, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { prisma, type TTx } from "@/server/db";
import { env } from "@/env";
import { recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { deliver, enqueueEmail } from "@/server/notifications/mailer";
import { hitRateLimit, type TRateLimit } from "@/server/public-register/rate-limit";
import { ZContactEmail } from "@/domain/common/contact";
import { DomainError } from "@/domain/common/errors";
import type { TLocale } from "@/lib/locales";

// Before the public application form makes the portal write to an address, the address must be
// confirmed by a code e-mailed to it (issue 10, hole 8). The code e-mail itself is limited per
// client address and per e-mail address, so the form cannot be used to flood anyone's inbox.

const PURPOSE = "agencyApplication";
const V = "agencyApplications.validation";
const E = "agencyApplications.errors";

export const EMAIL_CODE_TTL_MS = 15 * 60_000;
/** Wrong tries that spend a code. */
export const EMAIL_CODE_MAX_ATTEMPTS = 5;
/** Codes requested from one client address. */
export const EMAIL_CODE_IP_LIMIT: TRateLimit = { bucket: "public.emailCode.ip", limit: 5, windowMs: 60 * 60_000 };
/** Codes sent to one e-mail address, whoever asks. */
export const EMAIL_CODE_ADDRESS_LIMIT: TRateLimit = { bucket: "public.emailCode.address", limit: 3, windowMs: 60 * 60_000 };

const key = () => createHmac("sha256", env.AUTH_SECRET).update("email-confirmation.v1").digest();
const hashCode = (id: string, code: string) => createHmac("sha256", key()).update(`${id}\n${code}`).digest("hex");

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A fresh code for `email` (its earlier ones are spent): the row and the code in clear, to be e-mailed. */
export async function newEmailCode(tx: TTx, email: string, now = new Date()): Promise<{ id: string; code: string }> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const address = email.trim().toLowerCase();
  // Only the newest code of an address counts.
  await tx.emailConfirmation.updateMany({ where: { purpose: PURPOSE, email: address, usedAt: null }, data: { usedAt: now } });
  const id = randomUUID();
  await tx.emailConfirmation.create({ data: { id, purpose: PURPOSE, email: address, codeHash: hashCode(id, code), expiresAt: new Date(now.getTime() + EMAIL_CODE_TTL_MS), createdAt: now } });
  return { id, code };
}

/** E-mails a 6-digit code to `rawEmail` for the application form; limited per client and per address. */
export async function sendApplicationEmailCode(rawEmail: string, locale: TLocale, now = new Date()): Promise<{ email: string; minutes: number }> {
  const parsed = ZContactEmail.safeParse(rawEmail);
  if (!parsed.success) throw new DomainError(rawEmail.trim() ? "email" : "required", "contactEmail");
  const email = parsed.data;
  const meta = await getRequestMeta();
  // The client first, then the address: a client at its limit spends nothing of the address's.
  if (!(await hitRateLimit(EMAIL_CODE_IP_LIMIT, meta.ip, now)).ok) throw new DomainError(`${E}.emailCodeRateLimited`);
  if (!(await hitRateLimit(EMAIL_CODE_ADDRESS_LIMIT, email, now)).ok) throw new DomainError(`${E}.emailCodeRateLimited`);

  const minutes = EMAIL_CODE_TTL_MS / 60_000;
  const t = await getTranslations({ locale, namespace: "agencyApplications" });
  const emailId = await prisma.$transaction(async (tx) => {
    const { id, code } = await newEmailCode(tx, email, now);
    await recordAudit(tx, { actor: null, actorEmail: email, action: "agencyApplications.emailCode", entity: "EmailConfirmation", entityId: id, before: null, after: { email }, meta });
    return enqueueEmail(tx, { to: email, subject: t("email.code.subject", { code }), body: t("email.code.body", { code, minutes }) });
  });
  await deliver(emailId);
  return { email, minutes };
}

/**
 * Checks the code typed for `email` against its newest live code. A wrong code counts a try (in
 * its own transaction, so the caller's rollback does not undo it); the fifth spends the code.
 * Returns the confirmation to claim with claimEmailCode inside the caller's transaction.
 */
export async function checkApplicationEmailCode(email: string, code: string | null | undefined, now = new Date()): Promise<string> {
  if (!code) throw new DomainError(`${V}.emailCodeRequired`, "emailCode");
  const address = email.trim().toLowerCase();
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`emailConfirmation|${address}`}))::text`;
    const live = await tx.emailConfirmation.findFirst({
      where: { purpose: PURPOSE, email: address, usedAt: null, expiresAt: { gt: now }, attempts: { lt: EMAIL_CODE_MAX_ATTEMPTS } },
      orderBy: { createdAt: "desc" },
      select: { id: true, codeHash: true, attempts: true },
    });
    if (!live) throw new DomainError(`${V}.emailCodeMissing`, "emailCode");
    if (!sameHash(live.codeHash, hashCode(live.id, code))) {
      await tx.emailConfirmation.update({ where: { id: live.id }, data: { attempts: { increment: 1 } } });
      return null;
    }
    return live.id;
  }).then((id) => {
    if (!id) throw new DomainError(`${V}.emailCodeWrong`, "emailCode");
    return id;
  });
}

/** Spends a checked code inside the caller's transaction; a second use (a replay, another tab) finds it gone. */
export async function claimEmailCode(tx: TTx, id: string, now = new Date()): Promise<void> {
  const claimed = await tx.emailConfirmation.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } });
  if (claimed.count !== 1) throw new DomainError(`${V}.emailCodeMissing`, "emailCode");
}
