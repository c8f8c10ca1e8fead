import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { scopeOf } from "@/domain/authz/matrix";
import { formerStaff } from "@/server/staff/queries";
import { parsePage } from "@/lib/pagination";
import { localName } from "@/i18n/local-name";
import { EMPLOYMENT_ENDS, type TEmploymentEnd } from "@/domain/staff/enums";
import { Badge, EmptyState, Notice, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ListPagination } from "@/components/ui/list-pagination";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.former");
  return { title: t("title") };
}

export default async function FormerStaffPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("staff.transfer");
  const sp = await searchParams;
  const page = parsePage(sp.page);
  const reason = (EMPLOYMENT_ENDS as readonly string[]).includes(String(sp.reason)) ? (sp.reason as TEmploymentEnd) : undefined;
  const [t, locale, format, result] = await Promise.all([getTranslations(), getLocale(), getFormatter(), formerStaff(user, page, reason)]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const ownAgency = scopeOf(user.role, "staff.transfer") === "organization";
  return (
    <div className="space-y-6">
      <div>
        <nav aria-label={t("common.breadcrumb")} className="mb-2 text-sm">
          <Link href="/practitioners" className="text-brand-700 hover:underline">{t("practitioners.title")}</Link>
        </nav>
        <PageHeader title={t("staff.former.title")} description={ownAgency ? t("staff.former.descriptionAgency") : t("staff.former.description")} />
        {sp.recorded ? <Notice tone="success">{t("staff.former.recorded")}</Notice> : null}
      </div>
      <FilterBar basePath="/practitioners/former" className="grid-cols-2 lg:grid-cols-4">
        <FilterSelect label={t("staff.former.reason")} name="reason" defaultValue={reason ?? ""}>
          <option value="">{t("common.all")}</option>
          {EMPLOYMENT_ENDS.map((r) => (
            <option key={r} value={r}>{t(`enums.employmentEnd.${r}`)}</option>
          ))}
        </FilterSelect>
      </FilterBar>
      {result.items.length === 0 ? (
        <EmptyState title={t("staff.former.empty")} />
      ) : (
        <>
          <Table caption={t("staff.former.title")}>
            <thead>
              <tr>
                <Th>{t("staff.former.columns.name")}</Th>
                {!ownAgency ? <Th>{t("staff.former.columns.employer")}</Th> : null}
                <Th>{t("staff.former.columns.from")}</Th>
                <Th>{t("staff.former.columns.to")}</Th>
                <Th>{t("staff.former.columns.reason")}</Th>
                <Th>{t("staff.former.columns.movedTo")}</Th>
                <Th>{t("staff.former.columns.note")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.items.map((r) => (
                <tr key={r.id}>
                  <Td>
                    {r.practitionerId ? (
                      <Link href={`/practitioners/${r.practitionerId}`} className="font-medium text-brand-700 hover:underline">{r.name}</Link>
                    ) : (
                      <span className="font-medium">{r.name}</span>
                    )}
                  </Td>
                  {!ownAgency ? <Td>{localName(r.organization, locale)}</Td> : null}
                  <Td className="whitespace-nowrap">{day(r.from)}</Td>
                  <Td className="whitespace-nowrap">{day(r.to)}</Td>
                  <Td>{r.endReason ? <Badge tone={r.endReason === "MOVED" ? "blue" : "slate"}>{t(`enums.employmentEnd.${r.endReason}`)}</Badge> : null}</Td>
                  <Td>{r.movedTo ? localName(r.movedTo, locale) : "—"}</Td>
                  <Td className="text-slate-600">{r.note ?? ""}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <ListPagination result={result} basePath="/practitioners/former" params={{ reason }} />
        </>
      )}
    </div>
  );
}
