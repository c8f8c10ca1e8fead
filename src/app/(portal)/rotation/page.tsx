import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { listCandidates, rotationDepartmentFor, rotationDepartments, rotationList } from "@/server/rotation/list";
import { rotationCoverage, rotationCoverageScopeOf } from "@/server/rotation/coverage";
import { openRotationProgrammes } from "@/server/rotation/cohort";
import { can } from "@/domain/authz/matrix";
import { localName } from "@/i18n/local-name";
import { CoverageCard } from "@/features/rotation/components/coverage-card";
import { RotationListTable } from "@/features/rotation/components/rotation-list";
import { AddAllForm, AddPeopleForm } from "@/features/rotation/components/forms";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { SectionCard } from "@/components/ui/section-card";
import { ExportLink } from "@/components/ui/export-link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rotation");
  return { title: t("title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Rotation training (轮训, T2): coverage for the reader's scope; a department's rotation list (a
 * department officer's own, or one the city or a district opens), kept by the department officer
 * or the city; for the city and districts, the open rotation programmes to build a cohort for.
 */
export default async function RotationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("rotation.read");
  const sp = await searchParams;
  const [t, te, format, locale] = await Promise.all([getTranslations("rotation"), getTranslations("enums.employmentType"), getFormatter(), getLocale()]);
  const scope = rotationCoverageScopeOf(user);
  const department = await rotationDepartmentFor(user, one(sp.department));
  const q = (one(sp.q) ?? "").trim().slice(0, 50);
  const chooser = user.role !== "DEPARTMENT_OFFICER";
  const added = one(sp.added)?.split("-").map((x) => Number(x) || 0);
  const [coverage, departments, list, candidates, programmes] = await Promise.all([
    scope ? rotationCoverage(scope) : Promise.resolve(null),
    chooser ? rotationDepartments(user) : Promise.resolve([]),
    department ? rotationList(user, department.id) : Promise.resolve(null),
    department ? listCandidates(user, department.id, q) : Promise.resolve(null),
    openRotationProgrammes(user),
  ]);
  const departmentName = department ? localName(department, locale) : "";
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />

      {can(user, "rotation.buildCohort") ? (
        <SectionCard id="cohorts" title={t("cohort.cardTitle")}>
          <p className="mb-3 text-sm text-slate-600">{t("cohort.cardIntro")}</p>
          {programmes.length ? (
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
              {programmes.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2">
                  <span>
                    <Link href={`/trainings/${p.id}`} className="font-medium text-brand-700 hover:underline">{p.title}</Link>
                    <span className="block text-xs text-slate-600">{p.reference} · {day(p.startDate)} – {day(p.endDate)}</span>
                  </span>
                  <Link href={`/rotation/cohort?training=${p.id}`} className={buttonClass("secondary", "sm")}>{t("cohort.build")}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("cohort.noProgrammes")}</p>
          )}
        </SectionCard>
      ) : null}

      {coverage ? <CoverageCard coverage={coverage} /> : null}

      {chooser ? (
        <Card>
          <form method="get" action="/rotation#list" className="flex flex-wrap items-end gap-2">
            <div className="min-w-64 flex-1">
              <label htmlFor="department" className="mb-1 block text-xs font-medium text-slate-600">{t("list.department")}</label>
              <select id="department" name="department" defaultValue={department?.id ?? ""} className={inputClass()}>
                <option value="">{t("list.chooseDepartment")}</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>{t("list.departmentOption", { name: localName(d, locale), count: d._count.rotationList })}</option>
                ))}
              </select>
            </div>
            <button type="submit" className={buttonClass("secondary")}>{t("list.open")}</button>
          </form>
        </Card>
      ) : null}

      {department && list ? (
        <SectionCard id="list" title={t("list.title", { department: departmentName })} actions={list.rows.length ? <ExportLink href="/api/rotation/export" params={{ department: department.id }} /> : undefined}>
          <div className="space-y-4">
            {sp.removed ? <Notice tone="success">{t("list.removed")}</Notice> : null}
            {added && added.length === 2 ? <Notice tone="success">{t("list.added", { added: added[0] ?? 0, already: added[1] ?? 0 })}</Notice> : null}
            <p className="text-sm text-slate-600" data-testid="rotation-list-summary">{t("list.summary", { listed: list.rows.length, covered: list.covered, years: list.years })}</p>
            <RotationListTable list={list} departmentName={departmentName} />
          </div>
        </SectionCard>
      ) : user.role === "DEPARTMENT_OFFICER" ? (
        <Notice tone="info">{t("list.noDepartment")}</Notice>
      ) : null}

      {department && list?.manage && candidates ? (
        <SectionCard id="add" title={t("list.addTitle")}>
          <div className="space-y-5">
            <AddAllForm departmentId={department.id} count={candidates.civilServantsLeft} />
            <div className="space-y-3 border-t border-slate-200 pt-4">
              <form method="get" action="/rotation#add" role="search" className="flex flex-wrap items-end gap-2">
                {chooser ? <input type="hidden" name="department" value={department.id} /> : null}
                <div className="min-w-60 flex-1">
                  <label htmlFor="q" className="mb-1 block text-xs font-medium text-slate-600">{t("list.search")}</label>
                  <input id="q" name="q" defaultValue={q} placeholder={t("list.searchPlaceholder")} className={inputClass()} />
                </div>
                <button type="submit" className={buttonClass("secondary")}>{t("list.searchButton")}</button>
              </form>
              {candidates.items.length ? (
                <AddPeopleForm key={q} departmentId={department.id} candidates={candidates.items.map((c) => ({ id: c.id, label: c.employmentType ? t("list.candidate", { name: c.name, employment: te(c.employmentType) }) : c.name }))} />
              ) : (
                <p className="text-sm text-slate-600">{q ? t("list.noCandidatesFor", { q }) : t("list.noCandidates")}</p>
              )}
              {candidates.more ? <p className="text-xs text-slate-500">{t("list.more")}</p> : null}
            </div>
          </div>
        </SectionCard>
      ) : null}
    </div>
  );
}
