"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { amendApplication, decideApplication, submitApplication, type TCertificateUpload } from "@/server/agencies/application-mutations";
import { failure, formValues } from "@/features/action-result";
import { type TActionState } from "@/domain/common/action-state";
import { isLocale, DEFAULT_LOCALE } from "@/lib/locales";
import { applicationFormInput, certificateProblem, ZAmendToken, ZApplicationFields, ZReviewDecision } from "@/domain/agencies/application-schemas";

// Thin: parse with the form's own schema, call the server module, map the outcome.

async function certificateFrom(formData: FormData): Promise<{ upload: TCertificateUpload | null; size: number | null }> {
  const value = formData.get("certificate");
  const file = value instanceof File && value.size > 0 ? value : null;
  return { upload: file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null, size: file?.size ?? null };
}

async function applicantLocale() {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** The public form: on success, the page that shows the reference number. */
export async function submitApplicationAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZApplicationFields.safeParse(applicationFormInput(formData));
  const certificate = formData.get("certificate");
  const certIssue = certificateProblem(certificate instanceof File ? { size: certificate.size } : null, true);
  if (!parsed.success || certIssue) {
    const state: TActionState = parsed.success ? { ok: false, error: "checkFields", values } : failure(parsed.error, values);
    if (certIssue) state.fieldErrors = { ...state.fieldErrors, certificate: certIssue };
    return state;
  }
  let reference: string;
  try {
    const { upload } = await certificateFrom(formData);
    reference = (await submitApplication(parsed.data, upload, await applicantLocale())).reference;
  } catch (error) {
    return failure(error, values);
  }
  redirect(`/public/agencies/apply/submitted?ref=${encodeURIComponent(reference)}`);
}

/** The amend form behind the one-time link; a new certificate scan is optional. */
export async function amendApplicationAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData, ["token"]);
  const token = ZAmendToken.safeParse(formData.get("token") ?? "");
  if (!token.success) return { ok: false, error: "agencyApplications.errors.amendLinkInvalid", values };
  const parsed = ZApplicationFields.safeParse(applicationFormInput(formData));
  const certificate = formData.get("certificate");
  const certIssue = certificateProblem(certificate instanceof File && certificate.size > 0 ? { size: certificate.size } : null, false);
  if (!parsed.success || certIssue) {
    const state: TActionState = parsed.success ? { ok: false, error: "checkFields", values } : failure(parsed.error, values);
    if (certIssue) state.fieldErrors = { ...state.fieldErrors, certificate: certIssue };
    return state;
  }
  let reference: string;
  try {
    const { upload } = await certificateFrom(formData);
    reference = (await amendApplication(token.data, parsed.data, upload, await applicantLocale())).reference;
  } catch (error) {
    return failure(error, values);
  }
  redirect(`/public/agencies/apply/submitted?ref=${encodeURIComponent(reference)}&amended=1`);
}

/** Approve, reject or return, from the application's page (after a confirmation dialog). */
export async function decideApplicationAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZReviewDecision.safeParse(Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) return failure(parsed.error, values);
  try {
    await decideApplication(parsed.data);
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath("/agencies/applications");
  revalidatePath("/agencies");
  // The page re-renders without the review panel; it says what was done.
  redirect(`/agencies/applications/${encodeURIComponent(parsed.data.id)}?done=${parsed.data.decision}`);
}
