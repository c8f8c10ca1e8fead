import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { localisedScopeOptions } from "@/features/accounts/scope-options";
import { UserForm } from "@/features/accounts/components/user-form";
import { Card, PageHeader } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("new") };
}

export default async function NewUserPage() {
  const user = await requirePermission("users.create");
  const [t, options] = await Promise.all([getTranslations(), localisedScopeOptions(user)]);
  return (
    <div>
      <nav aria-label={t("common.breadcrumb")} className="mb-2 text-sm">
        <Link href="/admin/users" className="text-brand-700 hover:underline">{t("nav.users")}</Link>
      </nav>
      <PageHeader title={t("users.new")} description={t("users.newDescription")} />
      <Card>
        <UserForm options={options} />
      </Card>
    </div>
  );
}
