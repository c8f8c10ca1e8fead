import "server-only";
import { prisma } from "@/server/db";
import { notify, recipientSelect } from "@/server/notifications/notify";
import { getSupervisionSettings } from "@/server/plan/training-settings";
import { isoDay } from "@/domain/common/calendar-day";

// A session still waiting for its supervisee's confirmation `supervisionConfirmDays` after it was
// logged is reminded to the supervisee, once: the session's remindedAt is set in the same
// transaction as the notification (whose dedupeKey also names the session and the reader).

const DAY = 86_400_000;
const BATCH = 500;

export async function sendSupervisionReminders(now = new Date()): Promise<{ notifications: number; emails: string[] }> {
  const settings = await getSupervisionSettings();
  const cutoff = new Date(now.getTime() - settings.supervisionConfirmDays * DAY);
  let notifications = 0;
  const emails: string[] = [];
  for (;;) {
    const due = await prisma.supervisionSession.findMany({
      where: { status: "LOGGED", remindedAt: null, createdAt: { lte: cutoff } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, date: true, halfHours: true, topic: true, supervision: { select: { superviseeId: true, supervisor: { select: { name: true } }, supervisee: { select: { name: true } } } } },
    });
    if (due.length === 0) break;
    for (const s of due) {
      const sent = await prisma.$transaction(async (tx) => {
        // Marked first, and only while still unmarked: a second pass (another instance) sends nothing.
        const marked = await tx.supervisionSession.updateMany({ where: { id: s.id, remindedAt: null, status: "LOGGED" }, data: { remindedAt: now } });
        if (marked.count !== 1) return { created: 0, emails: [] as string[] };
        const readers = await tx.user.findMany({ where: { practitionerId: s.supervision.superviseeId, disabledAt: null }, select: recipientSelect });
        return notify(tx, readers, {
          kind: "supervisionConfirmDue",
          params: { name: s.supervision.supervisee.name, supervisor: s.supervision.supervisor.name, date: isoDay(s.date), hours: s.halfHours / 2, topic: s.topic, days: settings.supervisionConfirmDays },
          href: () => "/me/supervision",
          dedupeKey: (u) => `supervisionConfirmDue:${s.id}:${u.id}`,
        });
      });
      notifications += sent.created;
      emails.push(...sent.emails);
    }
  }
  return { notifications, emails };
}
