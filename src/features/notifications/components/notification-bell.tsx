import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TCurrentUser } from "@/server/auth/session";
import { notificationSummary } from "@/server/notifications/center";
import { markAllReadFromForm, openNotificationFromForm } from "@/features/notifications/actions";
import type { TLocale } from "@/lib/locales";
import { AutoCloseDetails } from "@/components/ui/auto-close-details.client";

/**
 * The header's notification centre: a bell with the unread count that opens the latest few, each
 * a button that marks it read and goes to its record. A disclosure (<details>), so it works with
 * the keyboard and without JavaScript.
 */
export async function NotificationBell({ user }: { user: TCurrentUser }) {
  const [t, locale, format] = await Promise.all([getTranslations("notifications"), getLocale(), getFormatter()]);
  const { unread, latest } = await notificationSummary(user, locale as TLocale);
  return (
    <AutoCloseDetails className="group relative" testId="notification-bell">
      <summary
        aria-label={t("bell", { count: unread })}
        className="relative flex h-9 w-9 cursor-pointer list-none items-center justify-center rounded-md border border-white/30 hover:bg-white/10 [&::-webkit-details-marker]:hidden"
      >
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-5 w-5">
          <path d="M10 2a5 5 0 0 0-5 5v2.6l-1.3 2.6A1 1 0 0 0 4.6 14h10.8a1 1 0 0 0 .9-1.8L15 9.6V7a5 5 0 0 0-5-5Zm0 16a2.5 2.5 0 0 1-2.45-2h4.9A2.5 2.5 0 0 1 10 18Z" />
        </svg>
        {unread > 0 ? (
          <span data-testid="notification-count" className="absolute -right-1.5 -top-1.5 min-w-5 rounded-full bg-amber-400 px-1 text-center text-xs font-semibold leading-5 text-slate-900">
            {unread > 99 ? "99+" : format.number(unread)}
          </span>
        ) : null}
      </summary>
      <div className="absolute right-0 z-40 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white text-slate-900 shadow-xl">
        <div className="flex items-center justify-between border-b border-slate-100 px-4 py-2">
          <h2 className="text-sm font-semibold">{t("latest")}</h2>
          {unread > 0 ? (
            <form action={markAllReadFromForm}>
              <button type="submit" className="text-xs font-medium text-brand-700 hover:underline">{t("markAllRead")}</button>
            </form>
          ) : null}
        </div>
        {latest.length ? (
          <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
            {latest.map((n) => (
              <li key={n.id}>
                <form action={openNotificationFromForm}>
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="block w-full px-4 py-2.5 text-left hover:bg-slate-50 focus:bg-slate-50 focus:outline-none" data-testid="notification-item">
                    <span className="flex items-start gap-2">
                      {n.readAt ? null : <span aria-hidden className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-brand-600" />}
                      <span className={n.readAt ? "text-sm text-slate-700" : "text-sm font-medium text-slate-900"}>
                        {n.readAt ? null : <span className="sr-only">{t("unreadLabel")}</span>}
                        {n.title}
                      </span>
                    </span>
                    <span className="mt-0.5 block text-xs text-slate-500">{format.relativeTime(n.createdAt)}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p className="px-4 py-6 text-center text-sm text-slate-600">{t("empty")}</p>
        )}
        <div className="border-t border-slate-100 px-4 py-2 text-right">
          <Link href="/notifications" className="text-sm font-medium text-brand-700 hover:underline">{t("viewAll")}</Link>
        </div>
      </div>
    </AutoCloseDetails>
  );
}
