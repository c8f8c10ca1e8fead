import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/session";
import { LoginForm } from "@/features/auth/components/login-form";
import { Notice } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

type TSearch = { next?: string; signedOut?: string; passwordSet?: string; passwordChanged?: string };

export default async function LoginPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const sp = await searchParams;
  if (await getCurrentUser()) redirect("/");
  const t = await getTranslations("auth");
  const notice = sp.passwordSet ? t("notice.passwordSet") : sp.passwordChanged ? t("notice.passwordChanged") : sp.signedOut ? t("notice.signedOut") : null;
  return (
    <div className="w-full max-w-sm">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-xl font-semibold text-slate-900">{t("signInTitle")}</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">{t("signInSubtitle")}</p>
        {notice ? (
          <div className="mb-4">
            <Notice tone="success">{notice}</Notice>
          </div>
        ) : null}
        <LoginForm next={typeof sp.next === "string" ? sp.next : "/"} />
      </div>
      <p className="mt-4 text-center text-xs text-slate-500">{t("forgotHint")}</p>
      <p className="mt-6 text-center text-sm">
        <Link href="/public/verify" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("publicRegisterLink")} →
        </Link>
      </p>
    </div>
  );
}
