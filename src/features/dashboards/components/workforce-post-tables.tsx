import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TWorkforceDashboard } from "@/server/dashboards/workforce";
import type { TFillSummary } from "@/domain/posts/post-maths";
import { percentFormatter } from "@/lib/number-format";
import { localName } from "@/i18n/local-name";
import { Card, EmptyState } from "@/components/ui/card";
import { DataTable, type TDataColumn } from "@/components/ui/data-table";
import { WorkforceFieldChart } from "./workforce-field-chart";
import { PlanCode } from "@/components/ui/plan-code";
import { PRACTICE_FIELD_CODES } from "@/domain/practitioners/enums";

/** Posts by practice field (a chart and its table), by kind with ratio compliance, and by district or street. */
export async function WorkforcePostTables({ d }: { d: TWorkforceDashboard }) {
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  const n = (v: number) => format.number(v);
  const pct = percentFormatter(format);
  const p = d.posts;
  const isCity = d.scope === "city";
  const columns = (first: string, ...more: string[]): TDataColumn[] => [
    { label: first },
    ...[t("workforce.posts.count"), t("workforce.posts.required"), t("workforce.posts.filled"), t("workforce.posts.qualified"), t("workforce.posts.fillRate"), t("workforce.posts.qualifiedRate"), ...more].map((label) => ({ label, numeric: true })),
  ];
  const figures = (s: TFillSummary) => [n(s.posts), n(s.required), n(s.filled), n(s.qualifiedFilled), pct(s.fillRate), pct(s.qualifiedFillRate)];
  const areaTitle = isCity ? t("workforce.areas.titleCity") : t("workforce.areas.titleDistrict");
  return (
    <>
      <Card title={t("workforce.fields.title")}>
        <p className="mb-3 text-sm text-slate-600">{t("workforce.fields.description")}</p>
        {p.total.posts > 0 ? (
          <WorkforceFieldChart
            data={p.byField.map((f) => ({ label: t(`enums.practiceField.${f.field}`), required: f.required, filled: f.filled, qualified: f.qualifiedFilled }))}
            labels={{ required: t("workforce.posts.required"), filled: t("workforce.posts.filled"), qualified: t("workforce.posts.qualified") }}
            summary={t("workforce.fields.summary", { required: p.total.required, filled: p.total.filled, qualified: p.total.qualifiedFilled })}
          />
        ) : (
          <EmptyState title={t("workforce.noPosts")}>{t("workforce.noPostsHint")}</EmptyState>
        )}
        <div className="mt-4">
          <DataTable
            testId="table-fields"
            caption={t("workforce.fields.title")}
            columns={columns(t("workforce.fields.field"))}
            rows={p.byField.map((f) => ({ key: f.field, data: { row: f.field }, cells: [
                <>
                  {t(`enums.practiceField.${f.field}`)}
                  <PlanCode code={PRACTICE_FIELD_CODES[f.field]} />
                </>,
                ...figures(f),
              ],
            }))}
          />
        </div>
      </Card>

      <div className="space-y-6">
        <Card title={t("workforce.kinds.title")}>
          <p className="mb-3 text-sm text-slate-600">{t("workforce.kinds.description")}</p>
          <DataTable
            testId="table-kinds"
            caption={t("workforce.kinds.title")}
            columns={columns(t("workforce.kinds.kind"), t("workforce.kinds.compliant"))}
            rows={p.byKind.map((k) => ({ key: k.kind, data: { row: k.kind }, cells: [t(`enums.postKind.${k.kind}`), ...figures(k), k.posts ? `${n(k.compliant)} / ${n(k.posts)}` : "—"] }))}
          />
        </Card>
        <Card title={areaTitle}>
          <DataTable
            testId="table-areas"
            caption={areaTitle}
            empty={<EmptyState title={t("workforce.noPosts")} />}
            columns={columns(isCity ? t("workforce.areas.district") : t("workforce.areas.street"))}
            rows={p.byArea.map((a) => {
              const key = a.region?.id ?? "direct";
              const name = a.region ? localName(a.region, locale) : isCity ? t("workforce.areas.cityLevel") : t("workforce.areas.districtLevel");
              return { key, data: { row: key }, cells: [name, ...figures(a)] };
            })}
          />
        </Card>
      </div>
    </>
  );
}
