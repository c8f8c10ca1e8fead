import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/session";
import { signOutAction } from "@/features/auth/actions";
import { navFor } from "@/features/shell/navigation";
import { BrandMark, BrandTitle } from "@/components/brand";
import { LanguageSwitcher } from "@/features/shell/components/language-switcher";
import { MenuDrawer, NavLinks } from "@/components/nav-links";
import { NotificationBell } from "@/features/notifications/components/notification-bell";
import { DemoBanner } from "@/features/shell/components/demo-banner";

// The shell only: navigation and header. It is not the gate; each page checks its caller.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const t = await getTranslations();
  const items = user ? navFor(user).map((i) => ({ href: i.href, label: t(`nav.${i.key}`) })) : [];
  // What the header shows on wide screens, for the foot of the menu's drawer below lg.
  const drawerAccount = user ? (
    <>
      <div className="leading-tight">
        <p className="text-sm font-medium">{user.name}</p>
        <p className="text-xs opacity-80">{t(`roles.${user.role}`)}</p>
      </div>
      <form action={signOutAction}>
        <button type="submit" className="rounded-md border border-current/30 px-3 py-1.5 text-sm font-medium hover:bg-current/10">
          {t("shell.signOut")}
        </button>
      </form>
    </>
  ) : null;
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800">
        {t("shell.skipToContent")}
      </a>
      <DemoBanner />
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <Link href="/" className="flex min-w-0 items-center gap-3 rounded text-white">
            <BrandMark />
            <BrandTitle />
          </Link>
          <div className="flex items-center gap-3">
            {/* Below lg a signed-in user finds the language, their name and signing out in the menu's drawer. */}
            <div className={user ? "hidden lg:block" : undefined}>
              <LanguageSwitcher tone="dark" />
            </div>
            {user ? (
              <>
                <NotificationBell user={user} />
                <div className="hidden items-center gap-3 lg:flex">
                  <div className="text-right leading-tight">
                    <p className="text-sm font-medium" data-testid="user-name">{user.name}</p>
                    <p className="text-xs text-brand-100" data-testid="user-role">{t(`roles.${user.role}`)}</p>
                  </div>
                  <form action={signOutAction}>
                    <button type="submit" className="rounded-md border border-white/30 px-3 py-1.5 text-sm font-medium hover:bg-white/10">
                      {t("shell.signOut")}
                    </button>
                  </form>
                </div>
              </>
            ) : null}
          </div>
          {user ? (
            <div className="w-full lg:hidden">
              <MenuDrawer items={items} navLabel={t("shell.mainNav")} menuLabel={t("shell.menu")} closeLabel={t("shell.closeMenu")}>
                <div className="flex flex-wrap items-center justify-between gap-3 text-slate-900">
                  {drawerAccount}
                  <div className="w-full">
                    <LanguageSwitcher />
                  </div>
                </div>
              </MenuDrawer>
            </div>
          ) : null}
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-7xl flex-1 flex-col gap-6 px-4 py-6 sm:px-6 lg:flex-row">
        {user ? (
          <aside className="hidden lg:block lg:w-48 lg:shrink-0">
            <NavLinks items={items} label={t("shell.mainNav")} />
          </aside>
        ) : null}
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
      <footer className="border-t border-slate-200 bg-white py-4 text-center text-xs text-slate-500">{t("auth.footer")}</footer>
    </div>
  );
}
