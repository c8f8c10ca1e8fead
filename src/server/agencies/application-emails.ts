import "server-only";
import { getTranslations } from "next-intl/server";
import type { TTx } from "@/server/db";
import { enqueueEmail } from "@/server/notifications/mailer";
import { appUrl } from "@/server/accounts/app-url";
import { DEFAULT_LOCALE, localeFromDb } from "@/lib/locales";

// E-mails to the applicant (the application's contact person), in the language they applied in.
// They are queued inside the caller's transaction; the caller delivers them after commit. The
// application page promises an e-mail at every step: received, passed on to the city (forwarded),
// returned, amended, rejected, approved. Each carries the link to the public status page.

export type TApplicantEmailKind = "received" | "amended" | "forwarded" | "returned" | "rejected" | "approved";

type TApplicant = { reference: string; name: string; contactName: string; contactEmail: string; locale: string | null };

/** The public status page, with the reference filled in (the applicant types the e-mail address). */
export async function applicationStatusLink(reference: string): Promise<string> {
  return `${await appUrl()}/public/agencies/status?ref=${encodeURIComponent(reference)}`;
}

export async function emailApplicant(tx: TTx, app: TApplicant, kind: TApplicantEmailKind, extra: { reason?: string | null; link?: string; days?: number } = {}): Promise<string> {
  const locale = localeFromDb(app.locale) ?? DEFAULT_LOCALE;
  const t = await getTranslations({ locale, namespace: "agencyApplications" });
  const args = { name: app.contactName, agency: app.name, reference: app.reference, reason: extra.reason ?? "", link: extra.link ?? "", days: extra.days ?? 0, statusLink: await applicationStatusLink(app.reference) };
  // Literal keys, so the catalogue test sees every one of them.
  const [subject, body] =
    kind === "received"
      ? [t("email.received.subject", args), t("email.received.body", args)]
      : kind === "amended"
        ? [t("email.amended.subject", args), t("email.amended.body", args)]
        : kind === "forwarded"
          ? [t("email.forwarded.subject", args), t("email.forwarded.body", args)]
          : kind === "returned"
            ? [t("email.returned.subject", args), t("email.returned.body", args)]
            : kind === "rejected"
              ? [t("email.rejected.subject", args), t("email.rejected.body", args)]
              : [t("email.approved.subject", args), t("email.approved.body", args)];
  return enqueueEmail(tx, { to: app.contactEmail, subject, body });
}

/** The agency's first status entry, written in the default language (it is a record, not a message). */
export async function approvalStatusReason(reference: string): Promise<string> {
  const t = await getTranslations({ locale: DEFAULT_LOCALE, namespace: "agencyApplications" });
  return t("statusReason", { reference });
}
