import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can, scopeOf } from "@/domain/authz/matrix";
import { listSittings, sittingFilterOptions } from "@/server/exams/queries";
import { canImportSittings } from "@/server/exams/scope";
import { parseSittingListFilter, sittingListParams } from "@/domain/exams/list-filter";
import { localName } from "@/i18n/local-name";
import { SittingList } from "@/features/exams/components/sitting-list";
import { Notice, PageHeader } from "@/components/ui/card";
import { ExportLink } from "@/components/ui/export-link";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("exams");
  return { title: t("title") };
}

/** Officials' exam sittings (plan.md G2): the list in scope with filters and export; recording and importing for those who may. */
export default async function ExamsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("exams.read");
  // A practitioner's sittings are their own page.
  if (scopeOf(user.role, "exams.read") === "self") redirect("/me/exams");
  const sp = await searchParams;
  const filter = parseSittingListFilter(sp);
  const [t, tAll, locale, result, options] = await Promise.all([getTranslations("exams"), getTranslations(), getLocale(), listSittings(user, filter), sittingFilterOptions(user)]);
  const scope = scopeOf(user.role, "exams.read");
  const scopeName = scope === "city" ? tAll("home.wholeCity") : scope === "district" ? localName(user.regionName, locale) : localName(user.organizationName, locale);
  const record = can(user, "exams.record");
  const one = (k: string) => (typeof sp[k] === "string" ? sp[k] : "");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description", { scope: scopeName })}
        actions={
          <>
            {record ? <Link href="/exams/new" className={buttonClass("primary")}>{t("record.link")}</Link> : null}
            {canImportSittings(user) ? <Link href="/exams/import" className={buttonClass("secondary")}>{t("import.link")}</Link> : null}
            <ExportLink href="/api/exams/export" params={sittingListParams(filter)} />
          </>
        }
      />
      {one("recorded") ? <Notice tone="success">{t("notices.recorded")}</Notice> : null}
      {one("deleted") ? <Notice tone="success">{t("notices.deleted")}</Notice> : null}
      <SittingList filter={filter} result={result} options={options} record={record} />
    </div>
  );
}
