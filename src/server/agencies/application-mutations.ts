import "server-only";
import { applicationParticularsSelect } from "./application-select";
import { Prisma } from "@/generated/prisma/client";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize } from "@/server/auth/session";
import { applicationScope } from "@/server/authz/scope";
import { deliver } from "@/server/notifications/mailer";
import { sendPasswordLink } from "@/server/accounts/mutations";
import { hashToken, newToken } from "@/server/accounts/tokens";
import { appUrl } from "@/server/accounts/app-url";
import { fileStorage, newStorageKey, sha256Hex } from "@/server/storage/storage";
import { SCAN_EXTENSIONS, sniffScanType, type TScanMime } from "@/lib/file-sniff";
import { hitRateLimit, type TRateLimit } from "@/server/public-register/rate-limit";
import { registrationScanProblem, type TApplicationFields, type TReviewDecisionInput } from "@/domain/agencies/application-schemas";
import { DomainError } from "@/domain/common/errors";
import { todayInCity } from "@/domain/common/calendar-day";
import { localeToDb, type TLocale } from "@/lib/locales";
import { approvalStatusReason, emailApplicant } from "./application-emails";
import { checkApplicationEmailCode, claimEmailCode } from "./email-confirmation";
import {
  AMEND_TOKEN_TTL_MS,
  amendLinkLive,
  amendTarget,
  commentForCityAllowed,
  decisionEvent,
  formatReference,
  isFinalApproval,
  isReviewStep,
  nextStatus,
  reasonRequired,
  reviewPermission,
} from "@/domain/agencies/application-rules";

// The access system's writes: a public application (no sign-in), the two review steps, the
// applicant's amendment through a one-time link, and on final approval the agency with its
// status history and its administrator's account. Each write is ONE transaction with its
// AgencyApplicationEvent, its audit event(s) and its e-mails; e-mails are delivered after commit.

const V = "agencyApplications.validation";
const E = "agencyApplications.errors";

/** Public submissions per client IP. Counted once the form itself is valid. */
export const APPLICATION_SUBMIT_LIMIT: TRateLimit = { bucket: "public.agencyApplication", limit: 10, windowMs: 60 * 60_000 };
/** Amendments per client IP (each needs a valid one-time link anyway; this caps upload traffic). */
export const APPLICATION_AMEND_LIMIT: TRateLimit = { bucket: "public.agencyApplication.amend", limit: 20, windowMs: 60 * 60_000 };

export type TRegistrationScanUpload = { name: string; bytes: Uint8Array };

const auditSelect = { ...applicationParticularsSelect, regionId: true, registrationScanFileId: true } as const satisfies Prisma.AgencyApplicationSelect;

type TChecked = { mime: TScanMime; bytes: Uint8Array; name: string };

/** Size first, then the type read from the bytes (never the sender's word for it). */
export function checkRegistrationScan(upload: TRegistrationScanUpload | null, required: boolean): TChecked | null {
  const problem = registrationScanProblem(upload ? { size: upload.bytes.byteLength } : null, required);
  if (problem) throw new DomainError(problem, "registrationScan");
  if (!upload) return null;
  const mime = sniffScanType(upload.bytes);
  if (!mime) throw new DomainError(`${V}.registrationScanType`, "registrationScan");
  return { mime, bytes: upload.bytes, name: upload.name };
}

function safeOriginalName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || "registrationScan";
}

async function putRegistrationScan(checked: TChecked | null): Promise<string | null> {
  if (!checked) return null;
  const key = newStorageKey(SCAN_EXTENSIONS[checked.mime]);
  await fileStorage().put(key, checked.bytes);
  return key;
}

async function createStoredFile(tx: TTx, key: string, checked: TChecked) {
  return tx.storedFile.create({
    data: { storageKey: key, mimeType: checked.mime, size: checked.bytes.byteLength, sha256: sha256Hex(checked.bytes), originalName: safeOriginalName(checked.name), createdById: null },
    select: { id: true },
  });
}

type TDb = TTx | typeof prisma;

/** The district the agency registers in: a DISTRICT-level region. */
async function districtOf(db: TDb, regionId: string) {
  const region = await db.region.findUnique({ where: { id: regionId }, select: { id: true, path: true, level: true } });
  if (region?.level !== "DISTRICT") throw new DomainError(`${V}.districtRequired`, "regionId");
  return region;
}

/**
 * A credit code may belong to one organisation and one open application. A returned
 * application whose amend link has lapsed no longer blocks it: the applicant may start again.
 */
async function assertCreditCodeFree(db: TDb, creditCode: string, exceptApplicationId?: string, now = new Date()) {
  const org = await db.organization.findFirst({ where: { creditCode: { equals: creditCode, mode: "insensitive" } }, select: { id: true } });
  if (org) throw new DomainError(`${V}.creditCodeRegistered`, "creditCode");
  const open = await db.agencyApplication.findFirst({
    where: {
      creditCode: { equals: creditCode, mode: "insensitive" },
      ...(exceptApplicationId ? { id: { not: exceptApplicationId } } : {}),
      OR: [
        { status: { in: ["DISTRICT_REVIEW", "CITY_REVIEW"] } },
        { status: "RETURNED", OR: [{ amendTokenExpiresAt: null }, { amendTokenExpiresAt: { gt: now } }] },
      ],
    },
    select: { id: true },
  });
  if (open) throw new DomainError(`${V}.creditCodePending`, "creditCode");
}

/** Serialises writes about one credit code (two submissions racing with the same code). */
async function lockCreditCode(tx: TTx, creditCode: string) {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`agencyApplication.creditCode|${creditCode.toUpperCase()}`}))::text`;
}

/** The next reference of the city's current year, under a lock so two submissions never share one. */
async function nextReference(tx: TTx, now = new Date()): Promise<string> {
  const year = todayInCity(now).getUTCFullYear();
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('agencyApplication.reference'))::text`;
  // "SA-2026-" is 8 characters: the sequence starts at the 9th.
  const rows = await tx.$queryRaw<{ max: number | null }[]>`
    SELECT max(substring(reference from 9)::int) AS max
      FROM "AgencyApplication" WHERE reference LIKE ${`SA-${year}-%`} AND substring(reference from 9) ~ '^[0-9]{1,9}$'`;
  return formatReference(year, Number(rows[0]?.max ?? 0) + 1);
}

function particulars(input: TApplicationFields, regionPath: string) {
  return {
    name: input.name,
    creditCode: input.creditCode,
    legalRepresentative: input.legalRepresentative,
    address: input.address,
    regionId: input.regionId,
    regionPath,
    foundedOn: input.foundedOn,
    isPrivate: input.isPrivate,
    serviceAreas: input.serviceAreas,
    targetGroups: input.targetGroups,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    contactEmail: input.contactEmail,
  };
}

async function deliverAll(ids: string[]) {
  for (const id of ids) await deliver(id);
}

/** A public application (no sign-in). Returns its reference for the applicant. */
export async function submitApplication(input: TApplicationFields, registrationScan: TRegistrationScanUpload | null, locale: TLocale) {
  const meta = await getRequestMeta();
  const checked = checkRegistrationScan(registrationScan, true)!;
  const limit = await hitRateLimit(APPLICATION_SUBMIT_LIMIT, meta.ip);
  if (!limit.ok) throw new DomainError(`${E}.rateLimited`);
  await districtOf(prisma, input.regionId);
  await assertCreditCodeFree(prisma, input.creditCode);
  // The portal writes to the contact address only once its code came back (issue 10, hole 8).
  const confirmation = await checkApplicationEmailCode(input.contactEmail, input.emailCode);

  const key = (await putRegistrationScan(checked))!;
  try {
    const { app, emailId } = await prisma.$transaction(async (tx) => {
      await claimEmailCode(tx, confirmation);
      await lockCreditCode(tx, input.creditCode);
      await assertCreditCodeFree(tx, input.creditCode);
      const district = await districtOf(tx, input.regionId);
      const reference = await nextReference(tx);
      const file = await createStoredFile(tx, key, checked);
      const app = await tx.agencyApplication.create({
        data: { reference, status: "DISTRICT_REVIEW", ...particulars(input, district.path), locale: localeToDb(locale), registrationScanFileId: file.id },
        select: auditSelect,
      });
      await tx.agencyApplicationEvent.create({ data: { applicationId: app.id, step: "DISTRICT_REVIEW", decision: "SUBMITTED", actorId: null, actorName: input.contactName } });
      await recordAudit(tx, { actor: null, actorEmail: input.contactEmail, action: "agencyApplications.submit", entity: "AgencyApplication", entityId: app.id, before: null, after: app, meta });
      const emailId = await emailApplicant(tx, app, "received");
      return { app, emailId };
    });
    await deliverAll([emailId]);
    return { id: app.id, reference: app.reference };
  } catch (error) {
    await fileStorage().remove(key).catch(() => {});
    throw error;
  }
}

/** What the amend page shows for a one-time link: the reviewer's reason and the particulars to prefill; null when the link is not usable. */
export async function applicationForAmendment(token: string, now = new Date()) {
  if (token.length < 16 || token.length > 200) return null;
  const app = await prisma.agencyApplication.findUnique({
    where: { amendTokenHash: hashToken(token) },
    select: {
      ...auditSelect,
      registrationScanFile: { select: { originalName: true } },
      events: { where: { decision: "RETURNED" }, orderBy: { at: "desc" }, take: 1, select: { reason: true, at: true } },
    },
  });
  if (!app || !amendLinkLive(app, now) || !amendTarget(app)) return null;
  return app;
}

/** The applicant amends a returned application through the e-mailed link; it goes back to the step that returned it. */
export async function amendApplication(token: string, input: TApplicationFields, registrationScan: TRegistrationScanUpload | null, locale: TLocale) {
  const meta = await getRequestMeta();
  const checked = checkRegistrationScan(registrationScan, false);
  const tokenHash = hashToken(token);
  const limit = await hitRateLimit(APPLICATION_AMEND_LIMIT, meta.ip);
  if (!limit.ok) throw new DomainError(`${E}.rateLimited`);
  const current = await applicationForAmendment(token);
  if (!current) throw new DomainError(`${E}.amendLinkInvalid`);
  await districtOf(prisma, input.regionId);
  await assertCreditCodeFree(prisma, input.creditCode, current.id);
  // The link came to the address on file; a new address must be confirmed like a first one.
  const confirmation = input.contactEmail.toLowerCase() === current.contactEmail.toLowerCase() ? null : await checkApplicationEmailCode(input.contactEmail, input.emailCode);

  const key = await putRegistrationScan(checked);
  let oldKey: string | null = null;
  try {
    const { app, emailId } = await prisma.$transaction(async (tx) => {
      if (confirmation) await claimEmailCode(tx, confirmation);
      await lockCreditCode(tx, input.creditCode);
      await assertCreditCodeFree(tx, input.creditCode, current.id);
      const district = await districtOf(tx, input.regionId);
      const before = await tx.agencyApplication.findUnique({ where: { amendTokenHash: tokenHash }, select: { ...auditSelect, registrationScanFile: { select: { id: true, storageKey: true } } } });
      const target = before ? amendTarget(before) : null;
      if (!before || !target || !amendLinkLive(before)) throw new DomainError(`${E}.amendLinkInvalid`);
      const file = key && checked ? await createStoredFile(tx, key, checked) : null;
      // Claim the link: a second tab (or a replay) finds it gone.
      const claimed = await tx.agencyApplication.updateMany({
        where: { id: before.id, version: before.version, status: "RETURNED", amendTokenHash: tokenHash },
        data: {
          ...particulars(input, district.path),
          locale: localeToDb(locale),
          status: target,
          returnedFrom: null,
          amendTokenHash: null,
          amendTokenExpiresAt: null,
          ...(file ? { registrationScanFileId: file.id } : {}),
          version: { increment: 1 },
        },
      });
      if (claimed.count !== 1) throw new DomainError(`${E}.amendLinkInvalid`);
      const { registrationScanFile: replaced, ...beforeAudit } = before;
      // A replaced scan goes: the application keeps one certificate.
      if (file && replaced) {
        await tx.storedFile.delete({ where: { id: replaced.id } });
        oldKey = replaced.storageKey;
      }
      await tx.agencyApplicationEvent.create({ data: { applicationId: before.id, step: "RETURNED", decision: "AMENDED", actorId: null, actorName: input.contactName } });
      const app = await tx.agencyApplication.findUniqueOrThrow({ where: { id: before.id }, select: auditSelect });
      await recordAudit(tx, { actor: null, actorEmail: input.contactEmail, action: "agencyApplications.amend", entity: "AgencyApplication", entityId: app.id, before: beforeAudit, after: app, meta });
      const emailId = await emailApplicant(tx, app, "amended");
      return { app, emailId };
    });
    await deliverAll([emailId]);
    if (oldKey) await fileStorage().remove(oldKey).catch(() => {});
    return { id: app.id, reference: app.reference, status: app.status };
  } catch (error) {
    if (key) await fileStorage().remove(key).catch(() => {});
    throw error;
  }
}

/**
 * A reviewer's decision at the application's current step. Who may decide: the step's
 * permission over the application's district (application-rules.ts). Optimistic locking on
 * `version`: whoever decides second is told the application was already decided.
 */
export async function decideApplication(input: Omit<TReviewDecisionInput, "commentForCity"> & { commentForCity?: string | null }) {
  const reader = await authorize("agencyApplications.read");
  const meta = await getRequestMeta();
  const found = await prisma.agencyApplication.findFirst({
    where: { AND: [{ id: input.id }, applicationScope(reader, "agencyApplications.read")] },
    select: { id: true, status: true, regionPath: true, version: true },
  });
  if (!found) throw new DomainError("notFound");
  if (found.version !== input.version || !isReviewStep(found.status)) throw new DomainError(`${E}.alreadyDecided`);
  // The step's own permission, scoped to the application's district; a refusal is audited.
  const actor = await authorize(reviewPermission(found.status)!, { regionPath: found.regionPath, entity: "AgencyApplication", entityId: found.id });
  if (reasonRequired(input.decision) && !input.reason) throw new DomainError(`${V}.reasonRequired`, "reason");
  // Only the district, passing on or returning, writes to the city (a forged field elsewhere is refused).
  if (input.commentForCity && !commentForCityAllowed(found.status, input.decision)) throw new DomainError(`${V}.commentForCityNotAllowed`, "commentForCity");

  try {
    const { after, emailIds } = await prisma.$transaction(async (tx) => {
      const before = await tx.agencyApplication.findFirst({ where: { AND: [{ id: input.id }, applicationScope(actor, "agencyApplications.read")] }, select: auditSelect });
      if (!before) throw new DomainError("notFound");
      const next = before.version === input.version && before.status === found.status ? nextStatus(before.status, input.decision) : null;
      if (!next) throw new DomainError(`${E}.alreadyDecided`);
      const final = isFinalApproval(before.status, input.decision);
      const now = new Date();
      const amend = next.status === "RETURNED" ? newToken() : null;

      if (final) {
        // Refused before anything is written: the reviewer may return the application instead.
        const taken = await tx.user.findFirst({ where: { email: { equals: before.contactEmail, mode: "insensitive" } }, select: { id: true } });
        if (taken) throw new DomainError(`${E}.adminEmailTaken`);
        const org = await tx.organization.findFirst({ where: { creditCode: { equals: before.creditCode, mode: "insensitive" } }, select: { id: true } });
        if (org) throw new DomainError(`${E}.creditCodeRegistered`);
      }

      const claimed = await tx.agencyApplication.updateMany({
        where: { id: before.id, version: input.version, status: before.status },
        data: {
          status: next.status,
          returnedFrom: next.returnedFrom,
          amendTokenHash: amend?.tokenHash ?? null,
          amendTokenExpiresAt: amend ? new Date(now.getTime() + AMEND_TOKEN_TTL_MS) : null,
          ...(next.status === "APPROVED" || next.status === "REJECTED" ? { decidedAt: now } : {}),
          version: { increment: 1 },
        },
      });
      if (claimed.count !== 1) throw new DomainError(`${E}.alreadyDecided`);
      await tx.agencyApplicationEvent.create({
        data: { applicationId: before.id, step: before.status, decision: decisionEvent(input.decision), reason: input.reason, commentForCity: input.commentForCity ?? null, actorId: actor.id, actorName: actor.name, at: now },
      });

      const emailIds: string[] = [];
      if (final) {
        const today = todayInCity(now);
        const org = await tx.organization.create({
          data: {
            kind: "AGENCY",
            name: before.name,
            regionId: before.regionId,
            creditCode: before.creditCode,
            agencyStatus: "ACTIVE",
            agencyStatusSince: today,
            isPrivate: before.isPrivate,
            legalRepresentative: before.legalRepresentative,
            address: before.address,
            foundedOn: before.foundedOn,
            serviceAreas: before.serviceAreas,
            targetGroups: before.targetGroups,
            contactName: before.contactName,
            contactPhone: before.contactPhone,
            contactEmail: before.contactEmail,
          },
          select: { id: true, kind: true, name: true, regionId: true, creditCode: true, agencyStatus: true, agencyStatusSince: true, isPrivate: true, serviceAreas: true, targetGroups: true },
        });
        await tx.agencyStatusChange.create({
          data: { organizationId: org.id, status: "ACTIVE", effectiveFrom: today, reason: await approvalStatusReason(before.reference), actorId: actor.id, actorName: actor.name },
        });
        await tx.agencyApplication.update({ where: { id: before.id }, data: { organizationId: org.id } });
        const admin = await tx.user.create({
          data: { email: before.contactEmail, name: before.contactName, role: "AGENCY_ADMIN", organizationId: org.id, locale: before.locale },
          select: { id: true, email: true, name: true, role: true, organizationId: true, locale: true },
        });
        emailIds.push(await sendPasswordLink(tx, admin, "SET_PASSWORD"));
        await recordAudit(tx, { actor: auditActor(actor), action: "agencies.create", entity: "Organization", entityId: org.id, before: null, after: { ...org, applicationId: before.id }, meta });
        await recordAudit(tx, { actor: auditActor(actor), action: "users.create", entity: "User", entityId: admin.id, before: null, after: admin, meta });
      }

      const after = await tx.agencyApplication.findUniqueOrThrow({ where: { id: before.id }, select: auditSelect });
      const action = input.decision === "APPROVE" ? "agencyApplications.approve" : input.decision === "REJECT" ? "agencyApplications.reject" : "agencyApplications.return";
      // The decision's words go into the audit entry too: the reason the applicant reads and the comment for the city.
      const said = { ...(input.reason ? { reason: input.reason } : {}), ...(input.commentForCity ? { commentForCity: input.commentForCity } : {}) };
      await recordAudit(tx, { actor: auditActor(actor), action, entity: "AgencyApplication", entityId: before.id, before, after: { ...after, ...said }, meta: { ...meta } });

      if (final) emailIds.push(await emailApplicant(tx, after, "approved"));
      else if (next.status === "CITY_REVIEW") emailIds.push(await emailApplicant(tx, after, "forwarded"));
      else if (next.status === "REJECTED") emailIds.push(await emailApplicant(tx, after, "rejected", { reason: input.reason }));
      else if (next.status === "RETURNED") {
        const link = `${await appUrl()}/public/agencies/apply/amend?token=${encodeURIComponent(amend!.token)}`;
        emailIds.push(await emailApplicant(tx, after, "returned", { reason: input.reason, link, days: AMEND_TOKEN_TTL_MS / 86_400_000 }));
      }
      return { after, emailIds };
    });
    await deliverAll(emailIds);
    return after;
  } catch (error) {
    // Two approvals racing past the checks: the unique indexes (credit code, e-mail) decide.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainError(`${E}.alreadyDecided`);
    throw error;
  }
}
