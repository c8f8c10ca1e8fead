"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { addCalendarDayAction, updateCalendarDayAction } from "@/features/work-calendar/actions";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TFieldErrorCode } from "@/domain/common/errors";
import { CALENDAR_KINDS } from "@/domain/work-calendar/schemas";
import { useMessage } from "@/i18n/use-message";

/**
 * A day of the calendar: a new one (any day, its kind and name), or an existing one's kind and name
 * (`day` given: the date is the row itself; to move a day, remove it and add the other).
 */
export function CalendarDayForm({ day, kind, name, defaultDay }: { day?: string; kind?: string; name?: string; defaultDay?: string }) {
  const editing = day !== undefined;
  const [state, action, key] = useFormAction(editing ? updateCalendarDayAction : addCalendarDayAction);
  const t = useTranslations("workCalendar");
  const msg = useMessage();
  const fe: Record<string, TFieldErrorCode> = state.fieldErrors ?? {};
  const err = (k: string) => (fe[k] ? msg(fe[k], "validation") : undefined);
  const v = state.values ?? {};
  const id = (f: string) => (editing ? `${f}-${day}` : `new-${f}`);
  return (
    <form key={key} action={action} noValidate className="space-y-3" data-testid={editing ? "calendar-edit-form" : "calendar-add-form"}>
      {state.error && state.error !== "checkFields" ? <Notice tone="error">{msg(state.error, "errors")}</Notice> : null}
      <ErrorSummary errors={fe} message={err} submitted={state} />
      <div className="grid gap-3 sm:grid-cols-[10rem_12rem_minmax(0,1fr)_auto] sm:items-start">
        {editing ? (
          <>
            <input type="hidden" name="day" value={day} />
            {fe.day ? <p className="text-sm text-red-700 sm:col-span-4">{err("day")}</p> : null}
          </>
        ) : (
          <TextField id={id("day")} label={t("fields.day")} name="day" type="date" required defaultValue={v.day ?? defaultDay ?? ""} error={err("day")} />
        )}
        <SelectField id={id("kind")} label={t("fields.kind")} name="kind" required defaultValue={v.kind ?? kind ?? "HOLIDAY"} error={err("kind")} hint={editing ? undefined : t("fields.workdayHint")}>
          {CALENDAR_KINDS.map((k) => (
            <option key={k} value={k}>{t(`kinds.${k}`)}</option>
          ))}
        </SelectField>
        <TextField id={id("name")} label={t("fields.name")} name="name" required maxLength={40} hint={t("fields.nameHint")} defaultValue={v.name ?? name ?? ""} error={err("name")} />
        <div className="sm:pt-6">
          <SubmitButton pendingLabel={t("saving")} variant={editing ? "secondary" : "primary"}>{editing ? t("save") : t("add")}</SubmitButton>
        </div>
      </div>
    </form>
  );
}
