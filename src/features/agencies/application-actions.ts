"use server";

import { getLocale } from "next-intl/server";
import { z } from "zod";
import { amendApplication, decideApplication, submitApplication, type TRegistrationScanUpload } from "@/server/agencies/application-mutations";
import { sendApplicationEmailCode } from "@/server/agencies/email-confirmation";
import { lookupApplicationStatus, type TPublicApplicationStatus } from "@/server/agencies/application-status";
import type { TActionState } from "@/domain/common/action-state";
import { formAction, type TCheck } from "@/features/action";
import { isLocale, DEFAULT_LOCALE } from "@/lib/locales";
import { applicationFormInput, registrationScanProblem, ZAmendToken, ZApplicationFields, ZApplicationStatusLookup, ZReviewDecision } from "@/domain/agencies/application-schemas";

async function registrationScanFrom(formData: FormData): Promise<TRegistrationScanUpload | null> {
  const value = formData.get("registrationScan");
  const file = value instanceof File && value.size > 0 ? value : null;
  return file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
}

/** Presence and size of the certificate scan, shown with the schema's field errors. */
function registrationScanCheck(formData: FormData, required: boolean): TCheck | null {
  const value = formData.get("registrationScan");
  const file = value instanceof File ? (required || value.size > 0 ? { size: value.size } : null) : null;
  const problem = registrationScanProblem(file, required);
  return problem ? { fieldErrors: { registrationScan: problem } } : null;
}

async function applicantLocale() {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** The public form: on success, the page that shows the reference number. */
export const submitApplicationAction = formAction({
  // Public: anyone may apply for access; the application is reviewed before any account exists.
  permission: null,
  schema: ZApplicationFields,
  input: applicationFormInput,
  check: (formData) => registrationScanCheck(formData, true),
  run: async (input, { formData }) => submitApplication(input, await registrationScanFrom(formData), await applicantLocale()),
  done: ({ reference }) => ({ redirect: `/public/agencies/apply/submitted?ref=${encodeURIComponent(reference)}` }),
});

export type TEmailCodeState = TActionState & { sentTo?: string; minutes?: number };

/** "Send code" next to the contact e-mail: a 6-digit code to that address (limited per client and per address). */
export const sendEmailCodeAction = formAction<z.ZodObject<{ contactEmail: z.ZodString }>, { email: string; minutes: number }, TEmailCodeState>({
  // Public: proving an address is the first step of a public application.
  permission: null,
  schema: z.object({ contactEmail: z.string().max(400, "tooLong") }),
  echo: false,
  run: async (input) => sendApplicationEmailCode(input.contactEmail, await applicantLocale()),
  done: ({ email, minutes }) => ({ ok: true, sentTo: email, minutes }),
});

/** The amend form behind the one-time link; a new certificate scan is optional. */
export const amendApplicationAction = formAction({
  // Public: the one-time amend link is the credential; amendApplication checks it.
  permission: null,
  schema: ZApplicationFields,
  input: applicationFormInput,
  // A garbled link token refuses the form before its fields are looked at.
  check: (formData) => (ZAmendToken.safeParse(formData.get("token") ?? "").success ? registrationScanCheck(formData, false) : { error: "agencyApplications.errors.amendLinkInvalid" }),
  echo: { omit: ["token"] },
  run: async (input, { formData }) => amendApplication(ZAmendToken.parse(formData.get("token")), input, await registrationScanFrom(formData), await applicantLocale()),
  done: ({ reference }) => ({ redirect: `/public/agencies/apply/submitted?ref=${encodeURIComponent(reference)}&amended=1` }),
});

/** Approve, reject or return, from the application's page (after a confirmation dialog). */
export const decideApplicationAction = formAction({
  // The role check; decideApplication then demands the step's own permission over the district.
  permission: "agencyApplications.read",
  schema: ZReviewDecision,
  input: (formData) => Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")),
  run: (input) => decideApplication(input),
  revalidate: ["/agencies/applications", "/agencies"],
  // The page re-renders without the review panel; it says what was done.
  done: (_, input) => ({ redirect: `/agencies/applications/${encodeURIComponent(input.id)}?done=${input.decision}` }),
});

export type TStatusLookupState = TActionState & { result?: TPublicApplicationStatus };

/** The public status page: where an application stands, for its reference and contact e-mail. */
export const lookupApplicationStatusAction = formAction<typeof ZApplicationStatusLookup, TPublicApplicationStatus, TStatusLookupState>({
  // Public: the applicant has no account; the reference and the e-mail together are the key, and the look-up is rate-limited.
  permission: null,
  schema: ZApplicationStatusLookup,
  run: (input) => lookupApplicationStatus(input),
  // What was typed stays in the form, as the applicant typed it.
  done: (result, _input, { formData }) => ({ ok: true, result, values: { reference: String(formData.get("reference") ?? ""), email: String(formData.get("email") ?? "") } }),
});
