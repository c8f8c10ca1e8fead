import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { scopeWordsKey } from "@/domain/accounts/role-scope";
import { ChangePasswordForm } from "@/features/accounts/components/change-password-form";
import { LanguageSwitcher } from "@/features/shell/components/language-switcher";
import { Card, PageHeader } from "@/components/ui/card";
import { localName } from "@/i18n/local-name";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("account") };
}

export default async function AccountPage() {
  const user = await requirePermission("account.read");
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const scope = user.regionName ?? user.organizationName;
  return (
    <div className="space-y-6">
      <PageHeader title={t("nav.account")} description={t("account.description")} />
      <Card title={t("account.profile")}>
        <DescriptionList className="gap-4 text-sm sm:grid-cols-2">
          <DescriptionItem plain label={t("users.name")}><span className="font-medium">{user.name}</span></DescriptionItem>
          <DescriptionItem plain label={t("auth.email")}><span className="font-medium">{user.email}</span></DescriptionItem>
          <DescriptionItem plain label={t("home.role")}><span className="font-medium">{t(`roles.${user.role}`)}</span></DescriptionItem>
          <DescriptionItem plain label={t("home.scope")}><span className="font-medium">{scope ? localName(scope, locale) : t(scopeWordsKey(user.role))}</span></DescriptionItem>
        </DescriptionList>
      </Card>
      <Card title={t("account.language")}>
        <p className="mb-3 text-sm text-slate-600">{t("account.languageHint")}</p>
        <LanguageSwitcher />
      </Card>
      <Card title={t("account.changePassword")}>
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
