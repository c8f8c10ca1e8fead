import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { listPractitioners, registerFilterOptions } from "@/server/practitioners/queries";
import { listFilterParams, parseListFilter } from "@/domain/practitioners/list-filter";
import { ENTRY_PATHS, LIST_SORTS, PRACTICE_FIELDS, PRACTITIONER_STATUSES, QUALIFICATION_LEVELS, TARGET_GROUPS } from "@/domain/practitioners/enums";
import { localName } from "@/i18n/local-name";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ListPagination } from "@/components/ui/list-pagination";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("practitioners");
  return { title: t("title") };
}

const STATUS_TONE = { ACTIVE: "green", LEFT: "slate", RETIRED: "slate" } as const;

export default async function PractitionersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("practitioners.read");
  const filter = parseListFilter(await searchParams);
  const [t, locale, format, result, options] = await Promise.all([getTranslations(), getLocale(), getFormatter(), listPractitioners(user, filter), registerFilterOptions(user)]);
  const params = listFilterParams(filter);
  const qs = new URLSearchParams(params).toString();
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  return (
    <div>
      <PageHeader
        title={t("practitioners.title")}
        description={t("practitioners.description")}
        actions={
          <>
            {can(user, "practitioners.export") ? (
              <a href={`/api/practitioners/export${qs ? `?${qs}` : ""}`} className={buttonClass("secondary")} title={t("practitioners.exportHint")} download>
                {t("practitioners.exportExcel")}
              </a>
            ) : null}
            {can(user, "staff.transfer") ? (
              <Link href="/practitioners/former" className={buttonClass("secondary")}>{t("staff.former.title")}</Link>
            ) : null}
            {can(user, "staff.import") ? (
              <Link href="/practitioners/import" className={buttonClass("secondary")}>{t("staff.import.title")}</Link>
            ) : null}
            {can(user, "practitioners.create") ? (
              <Link href="/practitioners/new" className={buttonClass("primary")}>{t("practitioners.new")}</Link>
            ) : null}
          </>
        }
      />
      <FilterBar basePath="/practitioners" className="grid-cols-2 lg:grid-cols-4">
        <FilterInput className="col-span-2" label={t("practitioners.search")} name="q" defaultValue={filter.q} placeholder={t("practitioners.searchPlaceholder")} />
        {options.districts.length > 1 ? (
          <FilterSelect label={t("practitioners.filters.district")} name="district" defaultValue={filter.district}>
            <option value="">{t("common.all")}</option>
            {options.districts.map((d) => (
              <option key={d.id} value={d.id}>{localName(d, locale)}</option>
            ))}
          </FilterSelect>
        ) : null}
        {options.employers.length > 1 ? (
          <FilterSelect label={t("practitioners.filters.employer")} name="employer" defaultValue={filter.employer}>
            <option value="">{t("common.all")}</option>
            {options.employers.map((o) => (
              <option key={o.id} value={o.id}>{localName(o, locale)}</option>
            ))}
          </FilterSelect>
        ) : null}
        <FilterSelect label={t("practitioners.filters.counts")} name="counts" defaultValue={filter.counts}>
          <option value="">{t("common.all")}</option>
          <option value="yes">{t("practitioners.counts.yes")}</option>
          <option value="no">{t("practitioners.counts.no")}</option>
        </FilterSelect>
        <FilterSelect label={t("practitioners.filters.level")} name="level" defaultValue={filter.level}>
          <option value="">{t("common.all")}</option>
          {QUALIFICATION_LEVELS.map((l) => (
            <option key={l} value={l}>{t(`enums.qualificationLevel.${l}`)}</option>
          ))}
        </FilterSelect>
        <FilterSelect label={t("practitioners.filters.entryPath")} name="entryPath" defaultValue={filter.entryPath}>
          <option value="">{t("common.all")}</option>
          {ENTRY_PATHS.map((p) => (
            <option key={p} value={p}>{t(`enums.entryPath.${p}`)}</option>
          ))}
        </FilterSelect>
        <FilterSelect label={t("practitioners.filters.status")} name="status" defaultValue={filter.status}>
          <option value="">{t("common.all")}</option>
          {PRACTITIONER_STATUSES.map((s) => (
            <option key={s} value={s}>{t(`enums.practitionerStatus.${s}`)}</option>
          ))}
        </FilterSelect>
        <FilterSelect label={t("practitioners.filters.field")} name="field" defaultValue={filter.field}>
          <option value="">{t("common.all")}</option>
          {PRACTICE_FIELDS.map((f) => (
            <option key={f} value={f}>{t(`enums.practiceField.${f}`)}</option>
          ))}
        </FilterSelect>
        <FilterSelect label={t("practitioners.filters.group")} name="group" defaultValue={filter.group}>
          <option value="">{t("common.all")}</option>
          {TARGET_GROUPS.map((g) => (
            <option key={g} value={g}>{t(`enums.targetGroup.${g}`)}</option>
          ))}
        </FilterSelect>
        <FilterInput label={t("practitioners.filters.expiring")} name="expiring" type="number" min={1} max={3650} inputMode="numeric" defaultValue={filter.expiring ?? ""} placeholder={t("practitioners.filters.expiringPlaceholder")} />
        <FilterSelect label={t("practitioners.filters.sort")} name="sort" defaultValue={filter.sort}>
          {LIST_SORTS.map((s) => (
            <option key={s} value={s}>{t(`practitioners.sorts.${s}`)}</option>
          ))}
        </FilterSelect>
        <FilterSelect label={t("practitioners.filters.dir")} name="dir" defaultValue={filter.dir}>
          <option value="asc">{t("practitioners.filters.asc")}</option>
          <option value="desc">{t("practitioners.filters.desc")}</option>
        </FilterSelect>
      </FilterBar>
      {result.items.length === 0 ? (
        <EmptyState title={t("practitioners.empty")}>{t("common.tryOtherFilters")}</EmptyState>
      ) : (
        <>
          <Table caption={t("practitioners.title")}>
            <thead>
              <tr>
                <Th>{t("practitioners.columns.name")}</Th>
                <Th>{t("practitioners.columns.employer")}</Th>
                <Th>{t("practitioners.columns.level")}</Th>
                <Th>{t("practitioners.columns.counts")}</Th>
                <Th>{t("practitioners.columns.entry")}</Th>
                <Th>{t("practitioners.columns.status")}</Th>
                <Th>{t("practitioners.columns.updatedAt")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.items.map((p) => (
                <tr key={p.id} className="hover:bg-slate-50">
                  <Td>
                    <Link href={`/practitioners/${p.id}`} className="font-medium text-brand-700 hover:underline">{p.name}</Link>
                    <span className="block font-mono text-xs text-slate-500">{p.idNumberMasked ?? "—"}</span>
                  </Td>
                  <Td className="text-slate-700">
                    {p.organization ? localName(p.organization, locale) : "—"}
                    {p.district ? <span className="block text-xs text-slate-500">{localName(p.district, locale)}</span> : null}
                  </Td>
                  <Td>{t(`enums.qualificationLevel.${p.qualificationLevel}`)}</Td>
                  <Td className="whitespace-nowrap">
                    {p.isQualified ? (
                      <>
                        <Badge tone="green">{t("practitioners.counts.yes")}</Badge>
                        <span className="block text-xs text-slate-500">{t("practitioners.detail.since", { date: day(p.qualifiedSince) })}</span>
                      </>
                    ) : (
                      <Badge>{t("practitioners.counts.no")}</Badge>
                    )}
                  </Td>
                  <Td>
                    {t(`enums.entryPath.${p.entryPath}`)}
                    <span className="block text-xs text-slate-500">{day(p.entryDate)}</span>
                  </Td>
                  <Td><Badge tone={STATUS_TONE[p.status]}>{t(`enums.practitionerStatus.${p.status}`)}</Badge></Td>
                  <Td className="whitespace-nowrap text-slate-600">{format.dateTime(p.updatedAt, { dateStyle: "medium" })}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <ListPagination result={result} basePath="/practitioners" params={params} />
        </>
      )}
    </div>
  );
}
