import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { TCurrentUser } from "@/server/auth/session";
import type { listOrganizations } from "@/server/organizations/queries";
import { can } from "@/domain/authz/matrix";
import { takesSupervisingDepartment } from "@/domain/organizations/supervision";
import { localName } from "@/i18n/local-name";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { IntegrityFlags } from "@/features/agencies/components/integrity-flags";

/** A page of the organisations in the caller's scope; an agency links to its profile when the caller may read it. */
export async function OrganizationTable({ user, result, params }: { user: TCurrentUser; result: Awaited<ReturnType<typeof listOrganizations>>; params: Record<string, string | undefined> }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <>
      <DataTable
        caption={t("nav.organizations")}
        hover
        empty={<EmptyState title={t("organizations.empty")}>{t("common.tryOtherFilters")}</EmptyState>}
        columns={[
          { label: t("organizations.name"), className: "font-medium" },
          { label: t("organizations.kind") },
          { label: t("organizations.details"), className: "text-slate-600" },
          { label: t("organizations.region"), className: "text-slate-600" },
          { label: t("organizations.supervision.column"), className: "text-slate-600" },
        ]}
        rows={result.items.map((o) => ({
          key: o.id,
          cells: [
            <>
              {o.kind === "AGENCY" && can(user, "agencies.read", { organizationId: o.id, regionPath: o.region.path }) ? (
                <Link href={`/agencies/${o.id}`} className="text-brand-700 hover:underline">{localName(o, locale)}</Link>
              ) : (
                localName(o, locale)
              )}
              <IntegrityFlags flags={o.flags} className="mt-1" />
            </>,
            <Badge key="kind" tone={o.kind === "AGENCY" ? "blue" : "slate"}>{t(`orgKinds.${o.kind}`)}</Badge>,
            [o.departmentType ? t(`departmentTypes.${o.departmentType}`) : null, o.adminLevel ? t(`adminLevels.${o.adminLevel}`) : null, o.hospitalLevel ? t(`hospitalLevels.${o.hospitalLevel}`) : null]
              .filter(Boolean)
              .join(" · ") || "—",
            localName(o.region, locale),
            <span key="supervision" className="flex flex-wrap items-center gap-2">
              <span>{o.supervisingDepartment ? localName(o.supervisingDepartment, locale) : "—"}</span>
              {/* A government department has no supervising department: nothing to set there. */}
              {can(user, "organizations.setSupervisingDepartment") && takesSupervisingDepartment(o.kind) ? (
                <Link href={`/organizations/${o.id}/edit`} className="text-xs font-medium text-brand-700 hover:underline" aria-label={t("common.labelled", { label: t("organizations.supervision.edit"), value: localName(o, locale) })}>
                  {t("organizations.supervision.edit")}
                </Link>
              ) : null}
            </span>,
          ],
        }))}
      />
      {result.items.length ? <ListPagination result={result} basePath="/organizations" params={params} /> : null}
    </>
  );
}
