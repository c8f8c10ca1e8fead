import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { listPractitioners, TRegisterScopeContext } from "@/server/practitioners/queries";
import { dayFormatter, instantDayFormatter } from "@/domain/common/day-format";
import { todayInCity } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { CountingExplanation } from "./counting-explanation";
import { STATUS_TONE } from "@/components/ui/status-tone";


export type TRegisterEmpty = { narrowed: boolean; context: TRegisterScopeContext; mayCreate: boolean; mayImport: boolean } | null;

/** A page of the register: name and masked ID number, employer, level, whether they count, entry, status. */
export async function RegisterTable({ result, params, empty }: { result: Awaited<ReturnType<typeof listPractitioners>>; params: Record<string, string>; empty: TRegisterEmpty }) {
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  const today = todayInCity().getTime();
  return (
    <>
      <DataTable
        caption={t("practitioners.title")}
        hover
        empty={<RegisterEmptyState empty={empty} />}
        columns={[
          { label: t("practitioners.columns.name") },
          { label: t("practitioners.columns.employer"), className: "text-slate-700" },
          { label: t("practitioners.columns.level") },
          { label: t("practitioners.columns.counts"), className: "whitespace-nowrap" },
          { label: t("practitioners.columns.entry") },
          { label: t("practitioners.columns.status") },
          { label: t("practitioners.columns.updatedAt"), className: "whitespace-nowrap text-slate-600" },
        ]}
        rows={result.items.map((p) => ({
          key: p.id,
          cells: [
            <>
              <Link href={`/practitioners/${p.id}`} className="font-medium text-brand-700 hover:underline">{p.name}</Link>
              <span className="block font-mono text-xs text-slate-500">{p.idNumberMasked ?? "—"}</span>
            </>,
            <>
              {p.organization ? localName(p.organization, locale) : "—"}
              {p.district ? <span className="block text-xs text-slate-500">{localName(p.district, locale)}</span> : null}
            </>,
            <>
              {t(`enums.qualificationLevel.${p.qualificationLevel}`)}
              {p.registrationEnd ? (
                <span className={p.registrationEnd.getTime() < today ? "block text-xs text-red-700" : "block text-xs text-slate-500"}>
                  {p.registrationEnd.getTime() < today ? t("practitioners.registrationLapsed", { date: day(p.registrationEnd) }) : t("practitioners.registrationUntil", { date: day(p.registrationEnd) })}
                </span>
              ) : null}
            </>,
            <CountingExplanation key="counting" variant="short" counting={p.counting} />,
            <>
              {t(`enums.entryPath.${p.entryPath}`)}
              <span className="block text-xs text-slate-500">{day(p.entryDate)}</span>
            </>,
            <Badge key="status" tone={STATUS_TONE.practitioner[p.status]}>{t(`enums.practitionerStatus.${p.status}`)}</Badge>,
            instantDayFormatter(format)(p.updatedAt),
          ],
        }))}
      />
      {result.items.length ? <ListPagination result={result} basePath="/practitioners" params={params} /> : null}
    </>
  );
}

/**
 * Why the register is empty, and what to do: no match for the filters (clear them), or nobody in
 * the caller's scope (what the scope is, and how people come into it).
 */
async function RegisterEmptyState({ empty }: { empty: TRegisterEmpty }) {
  const [t, locale] = await Promise.all([getTranslations("practitioners.emptyState"), getLocale()]);
  if (!empty || empty.narrowed) {
    return (
      <EmptyState title={t("filteredTitle")}>
        <p>{t("filteredBody")}</p>
        <Link href="/practitioners" className="mt-2 inline-block font-medium text-brand-700 hover:underline">{t("clearFilters")}</Link>
      </EmptyState>
    );
  }
  const { context } = empty;
  const org = context.organization ? localName(context.organization, locale) : "";
  return (
    <EmptyState title={t("scopeEmptyTitle")}>
      <p data-testid="register-scope-empty">
        {context.scope === "department"
          ? t("scopeDepartment", { org, count: context.supervised })
          : context.scope === "district"
            ? t("scopeDistrict")
            : context.scope === "organization"
              ? t("scopeOrganization")
              : t("scopeCity")}
      </p>
      {empty.mayCreate || empty.mayImport ? (
        <p className="mt-2 flex flex-wrap justify-center gap-4">
          {empty.mayCreate ? <Link href="/practitioners/new" className="font-medium text-brand-700 hover:underline">{t("create")}</Link> : null}
          {empty.mayImport ? <Link href="/practitioners/import" className="font-medium text-brand-700 hover:underline">{t("import")}</Link> : null}
        </p>
      ) : null}
    </EmptyState>
  );
}
