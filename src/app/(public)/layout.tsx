import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignedOutHeader } from "@/features/shell/components/signed-out-header";
import { PublicNav } from "@/features/public-register/components/public-nav";
import { DemoBanner } from "@/features/shell/components/demo-banner";

// The public shell (no sign-in): the same calm look as the sign-in page, brand, language switch,
// the public register's two pages, and a footer that says what is (and is not) published.
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const [t, tApp, tCalls] = await Promise.all([getTranslations("publicRegister"), getTranslations("auth"), getTranslations("serviceCalls.public")]);
  return (
    <div className="flex min-h-screen flex-col bg-gradient-to-b from-brand-50 to-slate-50">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800">
        {t("shell.skipToContent")}
      </a>
      <DemoBanner />
      <SignedOutHeader href="/public/verify" />
      <div className="mx-auto w-full max-w-5xl px-4 sm:px-6">
        <PublicNav
          label={t("shell.nav")}
          items={[
            { href: "/public/verify", label: t("shell.verify") },
            { href: "/public/verify/bulk", label: t("shell.bulk") },
            { href: "/public/agencies", label: t("shell.agencies") },
            { href: "/public/agencies/apply", label: t("shell.apply") },
            { href: "/public/agencies/status", label: t("shell.applicationStatus") },
            { href: "/public/calls", label: tCalls("nav") },
          ]}
        />
      </div>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 pb-16 pt-6 sm:px-6">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white/60 px-4 py-6 text-center text-xs text-slate-600">
        <p className="mx-auto max-w-3xl">{t("shell.footer")}</p>
        <p className="mt-2">
          {tApp("footer")} ·{" "}
          <Link href="/login" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
            {t("shell.signIn")}
          </Link>
        </p>
      </footer>
    </div>
  );
}
