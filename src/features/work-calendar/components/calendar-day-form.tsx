import { withMessages } from "@/i18n/with-messages";
import { CalendarDayForm as CalendarDayFormClient } from "./calendar-day-form.client";

// The client form with the messages it renders (src/i18n/with-messages.tsx).
export const CalendarDayForm = withMessages(CalendarDayFormClient, ["common", "errors", "validation", "workCalendar"]);
