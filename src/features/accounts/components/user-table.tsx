import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { listUsers } from "@/server/accounts/queries";
import { localName } from "@/i18n/local-name";
import { EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { UserStatusBadge } from "./user-status-badge";
import { momentFormatter } from "@/domain/common/day-format";
import { scopeWordsKey } from "@/domain/accounts/role-scope";

/** A page of user accounts: name and e-mail, role, scope, status, last sign-in. */
export async function UserTable({ result, params }: { result: Awaited<ReturnType<typeof listUsers>>; params: Record<string, string | undefined> }) {
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  return (
    <>
      <DataTable
        caption={t("nav.users")}
        hover
        empty={<EmptyState title={t("users.empty")}>{t("common.tryOtherFilters")}</EmptyState>}
        columns={[{ label: t("users.name") }, { label: t("home.role") }, { label: t("home.scope"), className: "text-slate-600" }, { label: t("users.status") }, { label: t("users.lastSignIn"), className: "text-slate-600" }]}
        rows={result.items.map((u) => ({
          key: u.id,
          cells: [
            <>
              <Link href={`/admin/users/${u.id}`} className="font-medium text-brand-700 hover:underline">{u.name}</Link>
              <span className="block text-xs text-slate-500">{u.email}</span>
            </>,
            t(`roles.${u.role}`),
            u.region ? localName(u.region, locale) : u.organization ? localName(u.organization, locale) : (u.practitioner?.name ?? t(scopeWordsKey(u.role))),
            <UserStatusBadge key="status" user={u} />,
            u.lastSignInAt ? momentFormatter(format)(u.lastSignInAt) : "—",
          ],
        }))}
      />
      {result.items.length ? <ListPagination result={result} basePath="/admin/users" params={params} /> : null}
    </>
  );
}
