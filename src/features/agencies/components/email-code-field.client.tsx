"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { sendEmailCodeAction, type TEmailCodeState } from "@/features/agencies/application-actions";
import { useMessage } from "@/i18n/use-message";
import { inputClass, TextField } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";

/**
 * The contact e-mail with its confirmation code (issue 10, hole 8): "Send code" e-mails a 6-digit
 * code to the address typed; the form is accepted only with it. When amending, the code is asked
 * for only if the address changes.
 */
export function EmailCodeField({ defaultEmail, initialEmail, emailError, codeError, amend }: { defaultEmail: string; initialEmail: string | null; emailError?: string; codeError?: string; amend: boolean }) {
  const ta = useTranslations("agencyApplications");
  const msg = useMessage();
  const [email, setEmail] = useState(defaultEmail);
  const [sent, setSent] = useState<TEmailCodeState | null>(null);
  const [pending, startTransition] = useTransition();
  const needed = !amend || email.trim().toLowerCase() !== (initialEmail ?? "").trim().toLowerCase();

  function send() {
    const data = new FormData();
    data.set("contactEmail", email);
    startTransition(async () => {
      // A failed request (the connection dropped, the server refused it) reads as a form error, not a crash.
      setSent(await sendEmailCodeAction({ ok: false }, data).catch((): TEmailCodeState => ({ ok: false, error: "unexpected" })));
    });
  }

  const sendError = sent && !sent.ok ? (sent.fieldErrors?.contactEmail ? msg(sent.fieldErrors.contactEmail, "validation") : sent.error ? msg(sent.error, "errors") : null) : null;
  return (
    <>
      <div className="flex flex-col gap-2 sm:col-span-2 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1">
          <TextField
            label={ta("fields.contactEmail")}
            name="contactEmail"
            type="email"
            required
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={sendError && sent?.fieldErrors?.contactEmail ? sendError : emailError}
            hint={ta("hints.contactEmail")}
            autoComplete="email"
          />
        </div>
        {needed ? (
          <div className="flex shrink-0 flex-col gap-1 sm:mt-6 sm:max-w-56">
            <button
              type="button"
              onClick={send}
              disabled={pending || !email.trim()}
              aria-disabled={pending || !email.trim()}
              aria-describedby={!email.trim() ? "send-code-why" : undefined}
              className={buttonClass("secondary")}
            >
              {pending ? ta("emailCode.sending") : sent?.ok ? ta("emailCode.resend") : ta("emailCode.send")}
            </button>
            {/* A button that cannot be pressed yet says why, beside it. */}
            {!email.trim() ? (
              <p id="send-code-why" className="text-xs text-slate-600" data-testid="send-code-why">
                {ta("emailCode.needEmail")}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      {needed ? (
        <div>
          <TextField
            label={ta("fields.emailCode")}
            name="emailCode"
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={8}
            error={codeError}
            hint={amend ? ta("hints.emailCodeAmend") : ta("hints.emailCode")}
            className={`${inputClass(!!codeError)} font-mono tracking-widest`}
          />
          <p aria-live="polite" className="mt-1 text-sm">
            {sent?.ok ? <span className="text-emerald-700">{ta("emailCode.sent", { email: sent.sentTo ?? "", minutes: sent.minutes ?? 15 })}</span> : null}
            {sendError && !sent?.fieldErrors?.contactEmail ? <span className="text-red-700">{sendError}</span> : null}
          </p>
        </div>
      ) : null}
    </>
  );
}
