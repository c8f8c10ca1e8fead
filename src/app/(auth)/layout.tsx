import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { SignedOutHeader } from "@/features/shell/components/signed-out-header";
import { DemoBanner } from "@/features/shell/components/demo-banner";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("auth");
  return (
    <div className="flex min-h-screen flex-col bg-gradient-to-b from-brand-50 to-slate-50">
      <DemoBanner />
      <SignedOutHeader />
      <main id="main" className="flex flex-1 items-start justify-center px-4 pb-16 pt-6 sm:pt-16">
        {children}
      </main>
      <footer className="py-6 text-center text-xs text-slate-500">{t("footer")}</footer>
    </div>
  );
}
