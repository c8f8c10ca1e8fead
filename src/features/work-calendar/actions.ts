"use server";

import { formAction } from "@/features/action";
import { addCalendarDay, removeCalendarDay, updateCalendarDay } from "@/server/work-calendar/calendar";
import { ZCalendarDay, ZRemoveCalendarDay } from "@/domain/work-calendar/schemas";

// The calendar page's forms: after a change the page shows the day's year again, with its notice.

const back = (day: string, notice: string) => ({ redirect: `/calendar?year=${day.slice(0, 4)}&notice=${notice}` });

export const addCalendarDayAction = formAction({
  permission: "calendar.manage",
  schema: ZCalendarDay,
  run: (input) => addCalendarDay(input),
  revalidate: ["/calendar"],
  done: (r) => back(r.day, "added"),
});

export const updateCalendarDayAction = formAction({
  permission: "calendar.manage",
  schema: ZCalendarDay,
  run: (input) => updateCalendarDay(input),
  revalidate: ["/calendar"],
  done: (r) => back(r.day, "updated"),
});

export const removeCalendarDayAction = formAction({
  permission: "calendar.manage",
  schema: ZRemoveCalendarDay,
  run: (input) => removeCalendarDay(input),
  revalidate: ["/calendar"],
  done: (r) => back(r.day, "removed"),
});
