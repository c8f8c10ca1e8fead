import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { scopeOf } from "@/domain/authz/matrix";
import { formerStaff } from "@/server/staff/queries";
import { parsePage } from "@/lib/pagination";
import { EMPLOYMENT_ENDS, type TEmploymentEnd } from "@/domain/staff/enums";
import { FormerStaffTable } from "@/features/staff/components/former-staff-table";
import { Notice, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { FilterBar, FilterChoice } from "@/components/ui/filter-bar";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.former");
  return { title: t("title") };
}

export default async function FormerStaffPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("staff.transfer");
  const sp = await searchParams;
  const reason = (EMPLOYMENT_ENDS as readonly string[]).includes(String(sp.reason)) ? (sp.reason as TEmploymentEnd) : undefined;
  const [t, result] = await Promise.all([getTranslations(), formerStaff(user, parsePage(sp.page), reason)]);
  const ownAgency = scopeOf(user.role, "staff.transfer") === "organization";
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("common.breadcrumb")} href="/practitioners">{t("practitioners.title")}</Breadcrumb>
        <PageHeader title={t("staff.former.title")} description={ownAgency ? t("staff.former.descriptionAgency") : t("staff.former.description")} />
        {sp.recorded ? <Notice tone="success">{t("staff.former.recorded")}</Notice> : null}
      </div>
      <FilterBar basePath="/practitioners/former" className="grid-cols-2 lg:grid-cols-4">
        <FilterChoice label={t("staff.former.reason")} name="reason" value={reason} allLabel={t("common.all")} options={EMPLOYMENT_ENDS.map((r) => ({ value: r, label: t(`enums.employmentEnd.${r}`) }))} />
      </FilterBar>
      <FormerStaffTable result={result} ownAgency={ownAgency} params={{ reason }} />
    </div>
  );
}
