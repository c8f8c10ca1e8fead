import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { listNotifications } from "@/server/notifications/center";
import { markAllReadFromForm, openNotificationFromForm } from "@/features/notifications/actions";
import { parsePage } from "@/lib/pagination";
import type { TLocale } from "@/lib/locales";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { TabNav } from "@/components/ui/tab-nav";
import { ListPagination } from "@/components/ui/list-pagination";
import { buttonClass } from "@/components/ui/button";
import { momentFormatter } from "@/domain/common/day-format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

/** Every notification of the signed-in user, newest first; unread ones marked. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ unread?: string; page?: string }> }) {
  const user = await requirePermission("notifications.read");
  const sp = await searchParams;
  const unread = sp.unread === "1";
  const [t, locale, format] = await Promise.all([getTranslations("notifications"), getLocale(), getFormatter()]);
  const result = await listNotifications(user, locale as TLocale, { unread, page: parsePage(sp.page) });
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <form action={markAllReadFromForm}>
            <button type="submit" className={buttonClass("secondary")}>{t("markAllRead")}</button>
          </form>
        }
      />
      <TabNav
        label={t("title")}
        tabs={[
          { key: "all", href: "/notifications", label: t("filterAll"), current: !unread },
          { key: "unread", href: "/notifications?unread=1", label: t("filterUnread"), current: unread },
        ]}
      />
      <Card>
        {result.items.length ? (
          <ul className="divide-y divide-slate-100" data-testid="notification-list">
            {result.items.map((n) => (
              <li key={n.id} data-testid="notification-row" data-read={n.readAt ? "yes" : "no"}>
                <form action={openNotificationFromForm}>
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="block w-full py-3 text-left hover:bg-slate-50 focus:bg-slate-50 focus:outline-none">
                    <span className="flex items-start gap-2">
                      {n.readAt ? <span aria-hidden className="mt-1.5 h-2 w-2 shrink-0" /> : <span aria-hidden className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-brand-600" />}
                      <span className="min-w-0">
                        <span className={n.readAt ? "block text-sm text-slate-800" : "block text-sm font-semibold text-slate-900"}>
                          {n.readAt ? null : <span className="sr-only">{t("unreadLabel")}</span>}
                          {n.title}
                        </span>
                        <span className="mt-0.5 block text-sm text-slate-600">{n.body}</span>
                        <time dateTime={n.createdAt.toISOString()} className="mt-0.5 block text-xs text-slate-500">
                          {momentFormatter(format)(n.createdAt)}
                        </time>
                      </span>
                    </span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title={unread ? t("emptyUnread") : t("empty")} />
        )}
      </Card>
      {result.items.length ? <ListPagination result={result} basePath="/notifications" params={unread ? { unread: "1" } : {}} /> : null}
    </div>
  );
}
