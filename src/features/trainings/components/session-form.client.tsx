"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { addSessionAction, updateSessionAction } from "@/features/trainings/actions";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useMessage } from "@/i18n/use-message";

export type TSessionValues = { id: string; date: string; startsAt: string; hours: string; topic: string };

/**
 * A session: added to a programme (`trainingId`), or changed (`session`). Field ids carry a
 * prefix: a programme's page holds one such form per session.
 */
export function SessionForm({ trainingId, session, defaultDate }: { trainingId?: string; session?: TSessionValues; defaultDate?: string }) {
  const t = useTranslations();
  const msg = useMessage();
  const [state, action, formKey] = useFormAction(session ? updateSessionAction : addSessionAction);
  const v = { date: defaultDate ?? "", startsAt: "09:00", hours: "", topic: "", ...(session ?? {}), ...(state.values ?? {}) } as Record<string, string>;
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const p = session ? `s-${session.id}` : "new-session";
  const ids = { date: `${p}-date`, startsAt: `${p}-startsAt`, hours: `${p}-hours`, topic: `${p}-topic` };
  return (
    <form key={formKey} action={action} className="space-y-3" noValidate data-testid={session ? "session-edit-form" : "session-form"}>
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} ids={ids} />
      {trainingId ? <input type="hidden" name="trainingId" value={trainingId} /> : null}
      {session ? <input type="hidden" name="id" value={session.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-[10rem_7rem_7rem_1fr]">
        <TextField id={ids.date} label={t("trainings.sessions.date")} name="date" type="date" required defaultValue={v.date} error={err("date")} />
        <TextField id={ids.startsAt} label={t("trainings.sessions.startsAt")} name="startsAt" type="time" required defaultValue={v.startsAt} error={err("startsAt")} />
        <TextField id={ids.hours} label={t("trainings.sessions.hours")} name="hours" inputMode="decimal" required defaultValue={v.hours} error={err("hours")} />
        <TextField id={ids.topic} label={t("trainings.sessions.topic")} name="topic" required maxLength={200} defaultValue={v.topic} error={err("topic")} />
      </div>
      <SubmitButton pendingLabel={t("common.saving")} variant="secondary" size="sm">{session ? t("trainings.sessions.save") : t("trainings.sessions.add")}</SubmitButton>
    </form>
  );
}
