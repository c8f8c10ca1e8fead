import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { listUsers } from "@/server/accounts/queries";
import { ROLES } from "@/domain/authz/matrix";
import { parsePage } from "@/lib/pagination";
import { UserTable } from "@/features/accounts/components/user-table";
import { PageHeader } from "@/components/ui/card";
import { FilterBar, FilterChoice, FilterInput } from "@/components/ui/filter-bar";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("users") };
}

type TSearch = { q?: string; role?: string; status?: string; page?: string };

export default async function UsersPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const user = await requirePermission("users.read");
  const sp = await searchParams;
  const status = sp.status === "active" || sp.status === "disabled" || sp.status === "pending" ? sp.status : "";
  const page = parsePage(sp.page);
  const [t, result] = await Promise.all([getTranslations(), listUsers(user, { q: sp.q, role: sp.role, status, page })]);
  return (
    <div>
      <PageHeader
        title={t("nav.users")}
        description={t("users.description")}
        actions={<Link href="/admin/users/new" className={buttonClass("primary")}>{t("users.new")}</Link>}
      />
      <FilterBar basePath="/admin/users">
        <FilterInput className="sm:col-span-2" label={t("common.search")} name="q" defaultValue={sp.q ?? ""} placeholder={t("users.searchPlaceholder")} />
        <FilterChoice label={t("home.role")} name="role" value={sp.role} allLabel={t("common.all")} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        <FilterChoice label={t("users.status")} name="status" value={status} allLabel={t("common.all")} options={(["active", "pending", "disabled"] as const).map((s) => ({ value: s, label: t(`users.statuses.${s}`) }))} />
      </FilterBar>
      <UserTable result={result} params={{ q: sp.q, role: sp.role, status }} />
    </div>
  );
}
