import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { listUsers } from "@/server/accounts/queries";
import { ROLES } from "@/server/authz/matrix";
import { parsePage } from "@/lib/pagination";
import { localName } from "@/lib/local-name";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { inputClass } from "@/components/ui/field";
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
  const first = (page - 1) * result.pageSize + 1;
  return (
    <div>
      <PageHeader
        title={t("nav.users")}
        description={t("users.description")}
        actions={<Link href="/admin/users/new" className={buttonClass("primary")}>{t("users.new")}</Link>}
      />
      <form method="get" role="search" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4">
        <div className="sm:col-span-2">
          <label htmlFor="q" className="mb-1 block text-xs font-medium text-slate-600">{t("common.search")}</label>
          <input id="q" name="q" defaultValue={sp.q ?? ""} placeholder={t("users.searchPlaceholder")} className={inputClass()} />
        </div>
        <div>
          <label htmlFor="role" className="mb-1 block text-xs font-medium text-slate-600">{t("home.role")}</label>
          <select id="role" name="role" defaultValue={sp.role ?? ""} className={inputClass()}>
            <option value="">{t("common.all")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>{t(`roles.${r}`)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="mb-1 block text-xs font-medium text-slate-600">{t("users.status")}</label>
          <select id="status" name="status" defaultValue={status} className={inputClass()}>
            <option value="">{t("common.all")}</option>
            <option value="active">{t("users.statuses.active")}</option>
            <option value="pending">{t("users.statuses.pending")}</option>
            <option value="disabled">{t("users.statuses.disabled")}</option>
          </select>
        </div>
        <div className="flex items-end gap-2 sm:col-span-4">
          <button type="submit" className={buttonClass("primary", "sm")}>{t("common.applyFilters")}</button>
          <Link href="/admin/users" className={buttonClass("ghost", "sm")}>{t("common.clearFilters")}</Link>
        </div>
      </form>
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
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            basePath="/admin/users"
            params={{ q: sp.q, role: sp.role, status }}
            labels={{ previous: t("common.previous"), next: t("common.next"), nav: t("common.pagination"), summary: t("common.rangeSummary", { from: first, to: first + result.items.length - 1, total: result.total }) }}
          />
        </>
      )}
    </div>
  );
}
