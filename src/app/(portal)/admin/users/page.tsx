import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { listUsers } from "@/server/accounts/queries";
import { ROLES } from "@/domain/authz/matrix";
import { parsePage } from "@/lib/pagination";
import { localName } from "@/i18n/local-name";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ListPagination } from "@/components/ui/list-pagination";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
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
  const [t, locale, format, result] = await Promise.all([getTranslations(), getLocale(), getFormatter(), listUsers(user, { q: sp.q, role: sp.role, status, page })]);
  return (
    <div>
      <PageHeader
        title={t("nav.users")}
        description={t("users.description")}
        actions={<Link href="/admin/users/new" className={buttonClass("primary")}>{t("users.new")}</Link>}
      />
      <FilterBar basePath="/admin/users">
        <FilterInput className="sm:col-span-2" label={t("common.search")} name="q" defaultValue={sp.q ?? ""} placeholder={t("users.searchPlaceholder")} />
        <FilterSelect label={t("home.role")} name="role" defaultValue={sp.role ?? ""}>
          <option value="">{t("common.all")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>{t(`roles.${r}`)}</option>
          ))}
        </FilterSelect>
        <FilterSelect label={t("users.status")} name="status" defaultValue={status}>
          <option value="">{t("common.all")}</option>
          <option value="active">{t("users.statuses.active")}</option>
          <option value="pending">{t("users.statuses.pending")}</option>
          <option value="disabled">{t("users.statuses.disabled")}</option>
        </FilterSelect>
      </FilterBar>
      {result.items.length === 0 ? (
        <EmptyState title={t("users.empty")}>{t("common.tryOtherFilters")}</EmptyState>
      ) : (
        <>
          <Table caption={t("nav.users")}>
            <thead>
              <tr>
                <Th>{t("users.name")}</Th>
                <Th>{t("home.role")}</Th>
                <Th>{t("home.scope")}</Th>
                <Th>{t("users.status")}</Th>
                <Th>{t("users.lastSignIn")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.items.map((u) => (
                <tr key={u.id} className="hover:bg-slate-50">
                  <Td>
                    <Link href={`/admin/users/${u.id}`} className="font-medium text-brand-700 hover:underline">{u.name}</Link>
                    <span className="block text-xs text-slate-500">{u.email}</span>
                  </Td>
                  <Td>{t(`roles.${u.role}`)}</Td>
                  <Td className="text-slate-600">{u.region ? localName(u.region, locale) : u.organization ? localName(u.organization, locale) : u.practitioner?.name ?? t("home.wholeCity")}</Td>
                  <Td>
                    {u.disabledAt ? <Badge tone="red">{t("users.statuses.disabled")}</Badge> : u.hasPassword ? <Badge tone="green">{t("users.statuses.active")}</Badge> : <Badge tone="amber">{t("users.statuses.pending")}</Badge>}
                  </Td>
                  <Td className="text-slate-600">{u.lastSignInAt ? format.dateTime(u.lastSignInAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <ListPagination result={result} basePath="/admin/users" params={{ q: sp.q, role: sp.role, status }} />
        </>
      )}
    </div>
  );
}
