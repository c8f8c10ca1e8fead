import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { listPractitioners, registerFilterOptions, registerScopeContext } from "@/server/practitioners/queries";
import { isNarrowed, listFilterParams, parseListFilter } from "@/domain/practitioners/list-filter";
import { ownPageFor } from "@/features/shell/navigation";
import { RegisterFilterBar } from "@/features/practitioners/components/register-filter-bar";
import { RegisterTable } from "@/features/practitioners/components/register-table";
import { PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("practitioners");
  return { title: t("title") };
}

export default async function PractitionersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("practitioners.read");
  // A practitioner's part of the register is their own record: My profile, not the officials' list.
  const own = ownPageFor(user, "/practitioners");
  if (own) redirect(own);
  const filter = parseListFilter(await searchParams);
  const [t, result, options] = await Promise.all([getTranslations(), listPractitioners(user, filter), registerFilterOptions(user)]);
  const params = listFilterParams(filter);
  const qs = new URLSearchParams(params).toString();
  // An empty page says why: no match for the filters, or nobody in the caller's scope (and what to do).
  const empty = result.total === 0 ? { narrowed: isNarrowed(filter), context: await registerScopeContext(user), mayCreate: can(user, "practitioners.create"), mayImport: can(user, "staff.import") } : null;
  return (
    <div>
      <PageHeader
        title={t("practitioners.title")}
        description={t("practitioners.description")}
        actions={
          <>
            {can(user, "practitioners.export") ? (
              filter.regEndsInvalid !== null ? (
                // Not a link while a filter value is not one: the export would not be what the page asks for.
                <button type="button" disabled aria-describedby="regEnds-error" className={buttonClass("secondary")} data-testid="export-disabled">
                  {t("practitioners.exportExcel")}
                </button>
              ) : (
                <a href={`/api/practitioners/export${qs ? `?${qs}` : ""}`} className={buttonClass("secondary")} title={t("practitioners.exportHint")} download>
                  {t("practitioners.exportExcel")}
                </a>
              )
            ) : null}
            {can(user, "staff.transfer") ? <Link href="/practitioners/former" className={buttonClass("secondary")}>{t("staff.former.title")}</Link> : null}
            {can(user, "staff.import") ? <Link href="/practitioners/import" className={buttonClass("secondary")}>{t("staff.import.title")}</Link> : null}
            {can(user, "practitioners.create") ? <Link href="/practitioners/new" className={buttonClass("primary")}>{t("practitioners.new")}</Link> : null}
          </>
        }
      />
      <RegisterFilterBar filter={filter} options={options} />
      <RegisterTable result={result} params={params} empty={empty} />
    </div>
  );
}
