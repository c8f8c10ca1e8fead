import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { localisedScopeOptions } from "@/features/accounts/scope-options";
import { UserForm } from "@/features/accounts/components/user-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("new") };
}

export default async function NewUserPage() {
  const user = await requirePermission("users.create");
  const [t, options] = await Promise.all([getTranslations(), localisedScopeOptions(user)]);
  return (
    <div>
      <Breadcrumb label={t("common.breadcrumb")} href="/admin/users">{t("nav.users")}</Breadcrumb>
      <PageHeader title={t("users.new")} description={t("users.newDescription")} />
      <Card>
        <UserForm options={options} />
      </Card>
    </div>
  );
}
