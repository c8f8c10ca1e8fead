import "server-only";
import { prisma, type TTx } from "@/server/db";
import { authorize } from "@/server/auth/session";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { DomainError } from "@/domain/common/errors";
import { isoDay } from "@/domain/common/calendar-day";
import type { TCalendarDay, TRemoveCalendarDay } from "@/domain/work-calendar/schemas";

// The city's working-day calendar (calendar.manage): public holidays and make-up working days,
// one row a day (WorkCalendarDay). Days the State Council has not yet published are provisional
// (migration 20261208130000_work_calendar); the city's own entry or change of a day makes it final.
// The rules read the calendar through src/server/evaluations/calendar.ts.

const PERMISSION = "calendar.manage" as const;
const select = { day: true, kind: true, name: true, provisional: true } as const;

export type TCalendarRow = { day: string; kind: "HOLIDAY" | "WORKDAY"; name: string; provisional: boolean };

const asRow = (r: { day: Date; kind: "HOLIDAY" | "WORKDAY"; name: string; provisional: boolean }): TCalendarRow => ({ ...r, day: isoDay(r.day) });

/** A year's holidays and make-up working days, in order. */
export async function calendarYear(year: number): Promise<TCalendarRow[]> {
  await authorize(PERMISSION);
  const rows = await prisma.workCalendarDay.findMany({
    where: { day: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
    orderBy: { day: "asc" },
    select,
  });
  return rows.map(asRow);
}

/** The years the calendar holds days of. */
export async function calendarYears(): Promise<number[]> {
  await authorize(PERMISSION);
  const rows = await prisma.$queryRaw<{ year: number }[]>`SELECT DISTINCT extract(year FROM day)::int AS year FROM "WorkCalendarDay" ORDER BY 1`;
  return rows.map((r) => r.year);
}

const audit = async (tx: TTx, actor: Awaited<ReturnType<typeof authorize>>, action: string, day: Date, before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
  recordAudit(tx, { actor: auditActor(actor), action, entity: "WorkCalendarDay", entityId: isoDay(day), before, after, meta: await getRequestMeta() });

/** A new day in the calendar; a day already there is refused (change it instead). */
export async function addCalendarDay(input: TCalendarDay): Promise<{ day: string }> {
  const actor = await authorize(PERMISSION);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.workCalendarDay.findUnique({ where: { day: input.day }, select: { day: true } });
    if (existing) throw new DomainError("workCalendar.validation.dayExists", "day");
    const row = await tx.workCalendarDay.create({ data: { day: input.day, kind: input.kind, name: input.name, provisional: false }, select });
    await audit(tx, actor, "calendar.add", input.day, null, asRow(row));
    return { day: isoDay(row.day) };
  });
}

/** A day's kind and name changed; the city's change confirms a provisional day. */
export async function updateCalendarDay(input: TCalendarDay): Promise<{ day: string }> {
  const actor = await authorize(PERMISSION);
  return prisma.$transaction(async (tx) => {
    const before = await tx.workCalendarDay.findUnique({ where: { day: input.day }, select });
    if (!before) throw new DomainError("workCalendar.errors.dayNotFound");
    const row = await tx.workCalendarDay.update({ where: { day: input.day }, data: { kind: input.kind, name: input.name, provisional: false }, select });
    await audit(tx, actor, "calendar.update", input.day, asRow(before), asRow(row));
    return { day: isoDay(row.day) };
  });
}

/** A day taken out of the calendar: it follows the week again. */
export async function removeCalendarDay(input: TRemoveCalendarDay): Promise<{ day: string }> {
  const actor = await authorize(PERMISSION);
  return prisma.$transaction(async (tx) => {
    const before = await tx.workCalendarDay.findUnique({ where: { day: input.day }, select });
    if (!before) throw new DomainError("workCalendar.errors.dayNotFound");
    await tx.workCalendarDay.delete({ where: { day: input.day } });
    await audit(tx, actor, "calendar.remove", input.day, asRow(before), null);
    return { day: isoDay(before.day) };
  });
}
