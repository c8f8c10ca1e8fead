import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TExamFunnel } from "@/server/exams/funnel";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { BarListChart } from "@/components/charts/bar-list-chart";

/**
 * The cultivation funnel of one year (plan.md G2): trained → sat the exam → passed → counted, as
 * bars with their figures as a table (each stage with how many of its people were in the stage
 * before), and the sittings by level. Self-contained: give it examFunnel()'s result; `yearChoice`
 * adds a year picker (a GET form on `basePath`, keeping `hidden` params).
 */
export async function FunnelCard({ data, scopeName, yearChoice, actions }: { data: TExamFunnel; scopeName: string; yearChoice?: { basePath: string; param?: string; years: number[]; hidden?: Record<string, string> }; /** e.g. an export link, in the card's header */ actions?: ReactNode }) {
  const [t, tEnums, format] = await Promise.all([getTranslations("exams.funnel"), getTranslations("enums.qualificationLevel"), getFormatter()]);
  const n = (v: number) => format.number(v, { maximumFractionDigits: 0 });
  const pct = (a: number, b: number) => (b > 0 ? format.number(a / b, { style: "percent", maximumFractionDigits: 0 }) : "—");
  const stage = (s: TExamFunnel["stages"][number]["stage"]) => data.stages.find((x) => x.stage === s)?.people ?? 0;
  const param = yearChoice?.param ?? "year";
  return (
    <section id="exam-funnel" aria-labelledby="exam-funnel-title" className="scroll-mt-20" data-testid="exam-funnel" data-year={data.year}>
      <Card title={<span id="exam-funnel-title">{t("title", { year: data.year })}</span>} actions={actions}>
        <div className="space-y-4">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <p className="text-sm text-slate-600">{t("description", { scope: scopeName })}</p>
            {yearChoice ? (
              <form method="get" action={yearChoice.basePath} className="flex items-end gap-2">
                {Object.entries(yearChoice.hidden ?? {}).map(([k, v]) => (
                  <input key={k} type="hidden" name={k} value={v} />
                ))}
                <div>
                  <label htmlFor="funnel-year" className="mb-1 block text-xs font-medium text-slate-600">{t("year")}</label>
                  <select id="funnel-year" name={param} defaultValue={String(data.year)} className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm">
                    {yearChoice.years.map((y) => (
                      <option key={y} value={String(y)}>{y}</option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="h-9 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50">{t("show")}</button>
              </form>
            ) : null}
          </div>
          <BarListChart
            summary={t("summary", { year: data.year, trained: stage("trained"), sat: stage("sat"), passed: stage("passed"), counted: stage("counted") })}
            valueLabel={t("people")}
            color="#2f9e8f"
            data={data.stages.map((s) => ({ label: t(`stages.${s.stage}`), value: s.people }))}
          />
          <DataTable
            caption={t("title", { year: data.year })}
            testId="funnel-table"
            rowHeaders
            columns={[{ label: t("stage") }, { label: t("people"), numeric: true }, { label: t("fromPrevious"), numeric: true }]}
            rows={data.stages.map((s, i) => {
              const before = i > 0 ? data.stages[i - 1]!.people : 0;
              return {
                key: s.stage,
                testId: `funnel-${s.stage}`,
                data: { people: String(s.people) },
                cells: [
                  <div key="s">
                    <span className="font-medium text-slate-900">{t(`stages.${s.stage}`)}</span>
                    <span className="block text-xs text-slate-500">{t(`notes.${s.stage}`)}</span>
                  </div>,
                  n(s.people),
                  s.fromPrevious === null ? "—" : t("withShare", { count: n(s.fromPrevious), share: pct(s.fromPrevious, before) }),
                ],
              };
            })}
          />
          <DataTable
            caption={t("byLevel")}
            testId="funnel-by-level"
            columns={[{ label: t("level") }, { label: t("sat"), numeric: true }, { label: t("passed"), numeric: true }]}
            rows={data.byLevel.map((l) => ({ key: l.level, cells: [tEnums(l.level), n(l.sat), t("withShare", { count: n(l.passed), share: pct(l.passed, l.sat) })] }))}
          />
          <p className="text-xs text-slate-500">{t("definition")}</p>
        </div>
      </Card>
    </section>
  );
}
