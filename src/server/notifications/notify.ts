import "server-only";
import { createTranslator } from "next-intl";
import type { Prisma } from "@/generated/prisma/client";
import type { TTx } from "@/server/db";
import { enqueueEmail } from "@/server/notifications/mailer";
import { appUrl } from "@/server/accounts/app-url";
import { loadMessages } from "@/i18n/load-messages";
import { DEFAULT_LOCALE, localeFromDb, type TLocale } from "@/lib/locales";
import type { TNotificationKind, TNotificationParams } from "@/domain/notifications/kinds";
import { formatIsoDay } from "@/domain/common/day-format";

// Notifications: one row per reader in their notification centre, and the same message by e-mail
// in the reader's language. A `dedupeKey` makes a notification idempotent: the unique index
// refuses a second row (another instance, a restart, a retried job), and only a new row sends mail.

type TRecipient = { id: string; email: string; locale: string | null; disabledAt?: Date | null; practitionerId?: string | null };

export type TNotice<K extends TNotificationKind> = {
  kind: K;
  params: TNotificationParams[K];
  /** The record the notification leads to, per reader (an agency administrator reads another page than the practitioner). */
  href: (user: TRecipient) => string;
  /** Unique per notification and reader; omit for one-off messages. */
  dedupeKey?: (user: TRecipient) => string;
  email?: boolean;
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The message of a notification in `locale`: a subject line and a body. */
export function renderNotification(locale: TLocale, kind: TNotificationKind, params: Record<string, unknown>): { title: string; body: string } {
  const t = createTranslator({ locale, messages: loadMessages(locale) as never, namespace: "notifications" as never }) as unknown as (key: string, values?: Record<string, unknown>) => string;
  // Days are stored as YYYY-MM-DD (the reader's language is not known when one is written):
  // written here the way every page writes a day.
  const values = Object.fromEntries(
    Object.entries(params as Record<string, string | number>).map(([k, v]) => [k, typeof v === "string" && ISO_DAY.test(v) ? formatIsoDay(locale, v) : v]),
  );
  // Literal keys, so the catalogue test sees every one.
  switch (kind) {
    case "registrationDue":
      return { title: t("kinds.registrationDue.title", values), body: t("kinds.registrationDue.body", values) };
    case "credentialDecided":
      return { title: t("kinds.credentialDecided.title", values), body: t("kinds.credentialDecided.body", values) };
    case "cpdDecided":
      return { title: t("kinds.cpdDecided.title", values), body: t("kinds.cpdDecided.body", values) };
    case "renewalDecided":
      return { title: t("kinds.renewalDecided.title", values), body: t("kinds.renewalDecided.body", values) };
    case "supervisionLogged":
      return { title: t("kinds.supervisionLogged.title", values), body: t("kinds.supervisionLogged.body", values) };
    case "supervisionConfirmDue":
      return { title: t("kinds.supervisionConfirmDue.title", values), body: t("kinds.supervisionConfirmDue.body", values) };
    case "supervisionDisputed":
      return { title: t("kinds.supervisionDisputed.title", values), body: t("kinds.supervisionDisputed.body", values) };
    case "trainingPromoted":
      return { title: t("kinds.trainingPromoted.title", values), body: t("kinds.trainingPromoted.body", values) };
    case "trainingCancelled":
      return { title: t("kinds.trainingCancelled.title", values), body: t("kinds.trainingCancelled.body", values) };
    case "trainingCompleted":
      return { title: t("kinds.trainingCompleted.title", values), body: t("kinds.trainingCompleted.body", values) };
    case "contractShortfall":
      return { title: t("kinds.contractShortfall.title", values), body: t("kinds.contractShortfall.body", values) };
    case "proposalDecided":
      return { title: t("kinds.proposalDecided.title", values), body: t("kinds.proposalDecided.body", values) };
    case "evaluationPublished":
      return { title: t("kinds.evaluationPublished.title", values), body: t("kinds.evaluationPublished.body", values) };
    case "appealDecided":
      return { title: t("kinds.appealDecided.title", values), body: t("kinds.appealDecided.body", values) };
    case "evaluationAssigned":
      return { title: t("kinds.evaluationAssigned.title", values), body: t("kinds.evaluationAssigned.body", values) };
  }
}

/**
 * Writes the notification for each recipient inside the caller's transaction and queues its
 * e-mail; returns how many notifications were new and the ids of the e-mails to deliver after
 * commit. Disabled users get nothing.
 */
export async function notify<K extends TNotificationKind>(tx: TTx, recipients: readonly TRecipient[], notice: TNotice<K>): Promise<{ created: number; emails: string[] }> {
  const emails: string[] = [];
  let count = 0;
  const base = await appUrl();
  const seen = new Set<string>();
  for (const user of recipients) {
    if (user.disabledAt || seen.has(user.id)) continue;
    seen.add(user.id);
    const href = notice.href(user);
    const data: Prisma.NotificationCreateManyInput = {
      userId: user.id,
      kind: notice.kind,
      params: notice.params as Prisma.InputJsonValue,
      href,
      dedupeKey: notice.dedupeKey?.(user) ?? null,
    };
    const created = await tx.notification.createManyAndReturn({ data: [data], skipDuplicates: true, select: { id: true } });
    if (created.length === 0) continue;
    count++;
    if (notice.email === false) continue;
    const locale = localeFromDb(user.locale) ?? DEFAULT_LOCALE;
    const { title, body } = renderNotification(locale, notice.kind, notice.params);
    emails.push(await enqueueEmail(tx, { to: user.email, subject: title, body: `${body}\n\n${base}${href}` }));
  }
  return { created: count, emails };
}

export const recipientSelect = { id: true, email: true, locale: true, disabledAt: true, practitionerId: true } as const satisfies Prisma.UserSelect;

/**
 * Who hears about a practitioner's record: their own account and the administrators of their
 * agency (plus `also`, e.g. whoever submitted the item), each once.
 */
export async function practitionerAudience(tx: TTx, practitioner: { id: string; organizationId: string | null }, also: readonly (string | null | undefined)[] = []): Promise<(TRecipient & { role: string; practitionerId: string | null })[]> {
  const or: Prisma.UserWhereInput[] = [{ practitionerId: practitioner.id }];
  if (practitioner.organizationId) or.push({ role: "AGENCY_ADMIN", organizationId: practitioner.organizationId });
  const extra = also.filter((x): x is string => !!x);
  if (extra.length) or.push({ id: { in: extra } });
  return tx.user.findMany({ where: { OR: or, disabledAt: null }, select: { ...recipientSelect, role: true }, orderBy: { createdAt: "asc" } });
}

/** The page a reader opens for a practitioner's record: My profile for the person, the register entry for staff. */
export function practitionerHref(practitionerId: string) {
  return (user: { practitionerId?: string | null }) => (user.practitionerId === practitionerId ? "/me" : `/practitioners/${practitionerId}`);
}
