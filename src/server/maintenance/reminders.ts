import "server-only";
import { prisma } from "@/server/db";
import { notify, practitionerAudience, practitionerHref } from "@/server/notifications/notify";
import { isoDay, utcDay } from "@/domain/common/calendar-day";
import { REMINDER_DAYS, reminderDue } from "@/domain/registrations/rules";

// Reminders 90, 30 and 7 days before a registration period ends, to the practitioner and their
// agency's administrators, in the portal and by e-mail. Each is sent once: the notification's
// dedupeKey names the registration, the period's end, the threshold and the reader. After a
// missed day (downtime) only the nearest threshold is sent, not all the ones skipped.

const DAY = 86_400_000;
const BATCH = 500;

export async function sendRegistrationReminders(today = new Date()): Promise<{ notifications: number; emails: string[] }> {
  const day = utcDay(today);
  const horizon = new Date(day.getTime() + Math.max(...REMINDER_DAYS) * DAY);
  let cursor: string | undefined;
  let notifications = 0;
  const emails: string[] = [];
  for (;;) {
    const regs = await prisma.registration.findMany({
      where: { periodEnd: { gte: day, lte: horizon }, credential: { status: "VERIFIED" }, practitioner: { status: "ACTIVE" } },
      select: { id: true, number: true, periodEnd: true, practitioner: { select: { id: true, name: true, organizationId: true } } },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    if (regs.length === 0) break;
    cursor = regs.at(-1)!.id;
    for (const reg of regs) {
      const days = reminderDue(reg.periodEnd, day);
      if (days === null) continue;
      const end = isoDay(reg.periodEnd);
      const sent = await prisma.$transaction(async (tx) => {
        const audience = await practitionerAudience(tx, reg.practitioner);
        return notify(tx, audience, {
          kind: "registrationDue",
          params: { name: reg.practitioner.name, number: reg.number, end, days },
          href: practitionerHref(reg.practitioner.id),
          dedupeKey: (u) => `registrationDue:${reg.id}:${end}:${days}:${u.id}`,
        });
      });
      notifications += sent.created;
      emails.push(...sent.emails);
    }
  }
  return { notifications, emails };
}
