// Codes of the city's working-day calendar: full keys in the "workCalendar" namespace.

export type TWorkCalendarErrorCode = `workCalendar.errors.${"dayNotFound"}`;

export type TWorkCalendarFieldErrorCode = `workCalendar.validation.${"workdayOnWeekend" | "dayExists" | "dayOutOfRange" | "nameRequired"}`;
