import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isPasswordTokenUsable } from "@/server/accounts/mutations";
import { SetPasswordForm } from "@/features/auth/components/set-password-form";
import { Notice } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("setPassword") };
}

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations();
  const usable = typeof token === "string" && token.length >= 16 && token.length <= 200 && (await isPasswordTokenUsable(token));
  return (
    <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="mb-6 text-xl font-semibold text-slate-900">{t("account.setPassword")}</h1>
      {usable ? (
        <SetPasswordForm token={token} />
      ) : (
        <div className="space-y-4">
          <Notice tone="error">{t("errors.tokenInvalid")}</Notice>
          <Link href="/login" className="text-sm font-medium text-brand-700 underline">
            {t("auth.backToSignIn")}
          </Link>
        </div>
      )}
    </div>
  );
}
