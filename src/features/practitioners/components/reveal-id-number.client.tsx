"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { revealIdNumberAction, type TRevealState } from "@/features/practitioners/actions";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { messageKey } from "@/lib/message-key";

/** The masked ID number, and for those allowed a button that fetches the full one (audited). */
export function RevealIdNumber({ practitionerId, masked, canReveal }: { practitionerId: string; masked: string; canReveal: boolean }) {
  const t = useTranslations();
  const tp = useTranslations("practitioners");
  const [state, action] = useActionState<TRevealState, FormData>(revealIdNumberAction, { ok: false });
  const [hidden, setHidden] = useState(false);
  const shown = state.ok && state.idNumber && !hidden ? state.idNumber : null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="font-mono" data-testid="id-number">{shown ?? masked}</span>
      {canReveal ? (
        shown ? (
          <Button variant="ghost" size="sm" onClick={() => setHidden(true)}>{tp("reveal.hide")}</Button>
        ) : (
          <form action={action} onSubmit={() => setHidden(false)}>
            <input type="hidden" name="id" value={practitionerId} />
            <SubmitButton variant="secondary" size="sm" pendingLabel={t("common.working")}>{tp("reveal.show")}</SubmitButton>
          </form>
        )
      ) : null}
      {canReveal ? <span className="w-full text-xs text-slate-500">{tp("reveal.audited")}</span> : null}
      {state.error ? <span role="alert" className="w-full text-sm text-red-700">{t(messageKey(state.error, "errors"))}</span> : null}
    </div>
  );
}
