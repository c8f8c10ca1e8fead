import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getWorkforceDashboard } from "@/server/dashboards/workforce";
import { localName } from "@/i18n/local-name";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { BarListChart } from "@/components/charts/bar-list-chart";
import { WorkforceFieldChart } from "@/features/dashboards/components/workforce-field-chart";
import { DashboardTabs } from "@/features/dashboards/components/workforce-dashboard-tabs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workforce");
  return { title: t("title") };
}

function Kpi({ label, value, note, tone = "brand", testId }: { label: string; value: string; note?: ReactNode; tone?: "brand" | "amber" | "green" | "red"; testId: string }) {
  const tones = { brand: "text-brand-800", amber: "text-amber-800", green: "text-emerald-800", red: "text-red-800" } as const;
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className={`mt-1 text-3xl font-semibold tabular-nums ${tones[tone]}`} data-testid={testId}>
        {value}
      </dd>
      {note ? <dd className="mt-1 text-xs text-slate-500">{note}</dd> : null}
    </div>
  );
}

/** A figures table; `first` is the label column. */
function FiguresTable({ caption, head, rows, testId }: { caption: string; head: string[]; rows: { key: string; cells: ReactNode[] }[]; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Table caption={caption}>
        <thead>
          <tr>
            {head.map((h, i) => (
              <Th key={h} className={i > 0 ? "text-right" : undefined}>{h}</Th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.key} data-row={r.key}>
              {r.cells.map((c, i) => (
                <Td key={i} className={i > 0 ? "text-right tabular-nums" : undefined}>{c}</Td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

export default async function WorkforceDashboardPage() {
  // The gate comes first: nothing is queried for someone who may not see it.
  const user = await requirePermission("dashboard.workforce.read");
  const [t, locale, format, d] = await Promise.all([getTranslations(), getLocale(), getFormatter(), getWorkforceDashboard(user)]);
  const isCity = d.scope === "city";
  const scopeName = isCity ? t("home.wholeCity") : localName(user.regionName, locale);
  const n = (v: number) => format.number(v);
  const pct = (v: number | null) => (v === null ? "—" : format.number(v, { style: "percent", maximumFractionDigits: 0 }));
  const dayLabel = (s: string) => format.dateTime(new Date(`${s}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const p = d.posts;
  const ratio = p.byKind.find((k) => k.kind === "RATIO")!;
  const hasPosts = p.total.posts > 0;
  const fillHead = [t("workforce.posts.count"), t("workforce.posts.required"), t("workforce.posts.filled"), t("workforce.posts.qualified"), t("workforce.posts.fillRate"), t("workforce.posts.qualifiedRate")];
  const fillCells = (s: (typeof p)["total"]) => [n(s.posts), n(s.required), n(s.filled), n(s.qualifiedFilled), pct(s.fillRate), pct(s.qualifiedFillRate)];
  const fieldLabel = (f: string) => t(`enums.practiceField.${f}`);
  const flaggedBlacklist = d.agencies.flagged.filter((a) => a.flags.includes("BLACKLIST")).length;

  return (
    <div className="space-y-6">
      <DashboardTabs user={user} current="workforce" />
      <PageHeader title={t("workforce.title")} description={t("workforce.description", { scope: scopeName, date: dayLabel(d.today) })} actions={<Badge>{scopeName}</Badge>} />

      <section aria-labelledby="kpi-posts-title">
        <h2 id="kpi-posts-title" className="sr-only">{t("workforce.kpi.postsTitle")}</h2>
        <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          <Kpi testId="kpi-required" label={t("workforce.kpi.required")} value={n(p.total.required)} note={t("workforce.kpi.requiredNote", { posts: p.total.posts })} />
          <Kpi testId="kpi-fill-rate" label={t("workforce.kpi.fillRate")} value={pct(p.total.fillRate)} note={t("workforce.kpi.fillRateNote", { filled: p.total.filled, required: p.total.required })} />
          <Kpi
            testId="kpi-qualified-rate"
            label={t("workforce.kpi.qualifiedRate")}
            value={pct(p.total.qualifiedFillRate)}
            note={t("workforce.kpi.qualifiedRateNote", { qualified: p.total.qualifiedFilled, required: p.total.required })}
          />
          <Kpi
            testId="kpi-ratio-compliance"
            label={t("workforce.kpi.ratioCompliance")}
            value={pct(ratio.complianceRate)}
            tone={ratio.posts > 0 && ratio.compliant < ratio.posts ? "amber" : "green"}
            note={t("workforce.kpi.ratioComplianceNote", { compliant: ratio.compliant, posts: ratio.posts })}
          />
        </dl>
      </section>
      <section aria-labelledby="kpi-agencies-title">
        <h2 id="kpi-agencies-title" className="sr-only">{t("workforce.kpi.agenciesTitle")}</h2>
        <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          <Kpi testId="kpi-active-agencies" label={t("workforce.kpi.activeAgencies")} value={n(d.agencies.active)} note={t("workforce.kpi.activeAgenciesNote", { total: d.agencies.total })} />
          <Kpi testId="kpi-private-agencies" label={t("workforce.kpi.privateAgencies")} value={n(d.agencies.privateActive)} note={t("workforce.kpi.privateAgenciesNote")} />
          <Kpi
            testId="kpi-flagged-agencies"
            label={t("workforce.kpi.flagged")}
            value={n(d.agencies.flagged.length)}
            tone={d.agencies.flagged.length > 0 ? "red" : "green"}
            note={t("workforce.kpi.flaggedNote", { blacklisted: flaggedBlacklist })}
          />
          <Kpi
            testId="kpi-members"
            label={t("workforce.kpi.members")}
            value={n(d.members.agencies + d.members.practitioners)}
            note={t("workforce.kpi.membersNote", { agencies: d.members.agencies, practitioners: d.members.practitioners })}
          />
        </dl>
      </section>

      <Card title={t("workforce.fields.title")}>
        <p className="mb-3 text-sm text-slate-600">{t("workforce.fields.description")}</p>
        {hasPosts ? (
          <WorkforceFieldChart
            data={p.byField.map((f) => ({ label: fieldLabel(f.field), required: f.required, filled: f.filled, qualified: f.qualifiedFilled }))}
            labels={{ required: t("workforce.posts.required"), filled: t("workforce.posts.filled"), qualified: t("workforce.posts.qualified") }}
            summary={t("workforce.fields.summary", { required: p.total.required, filled: p.total.filled, qualified: p.total.qualifiedFilled })}
          />
        ) : (
          <EmptyState title={t("workforce.noPosts")}>{t("workforce.noPostsHint")}</EmptyState>
        )}
        <div className="mt-4">
          <FiguresTable
            testId="table-fields"
            caption={t("workforce.fields.title")}
            head={[t("workforce.fields.field"), ...fillHead]}
            rows={p.byField.map((f) => ({ key: f.field, cells: [fieldLabel(f.field), ...fillCells(f)] }))}
          />
        </div>
      </Card>

      <div className="space-y-6">
        <Card title={t("workforce.kinds.title")}>
          <p className="mb-3 text-sm text-slate-600">{t("workforce.kinds.description")}</p>
          <FiguresTable
            testId="table-kinds"
            caption={t("workforce.kinds.title")}
            head={[t("workforce.kinds.kind"), ...fillHead, t("workforce.kinds.compliant")]}
            rows={p.byKind.map((k) => ({ key: k.kind, cells: [t(`enums.postKind.${k.kind}`), ...fillCells(k), k.posts ? `${n(k.compliant)} / ${n(k.posts)}` : "—"] }))}
          />
        </Card>
        <Card title={isCity ? t("workforce.areas.titleCity") : t("workforce.areas.titleDistrict")}>
          {p.byArea.length === 0 ? (
            <EmptyState title={t("workforce.noPosts")} />
          ) : (
            <FiguresTable
              testId="table-areas"
              caption={isCity ? t("workforce.areas.titleCity") : t("workforce.areas.titleDistrict")}
              head={[isCity ? t("workforce.areas.district") : t("workforce.areas.street"), ...fillHead]}
              rows={p.byArea.map((a) => ({
                key: a.region?.id ?? "direct",
                cells: [a.region ? localName(a.region, locale) : isCity ? t("workforce.areas.cityLevel") : t("workforce.areas.districtLevel"), ...fillCells(a)],
              }))}
            />
          )}
        </Card>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("workforce.agencies.byStatus")}>
          {d.agencies.total === 0 ? (
            <EmptyState title={t("workforce.agencies.none")} />
          ) : (
            <div data-testid="agencies-by-status">
              <BarListChart
                data={d.agencies.byStatus.map((s) => ({ label: t(`enums.agencyStatus.${s.status}`), value: s.count }))}
                color="#174877"
                valueLabel={t("workforce.agencies.count")}
                summary={`${t("workforce.agencies.byStatus")}: ${d.agencies.byStatus.map((s) => `${t(`enums.agencyStatus.${s.status}`)} ${s.count}`).join("; ")}`}
              />
              <FiguresTable caption={t("workforce.agencies.byStatus")} head={[t("workforce.agencies.status"), t("workforce.agencies.count")]} rows={d.agencies.byStatus.map((s) => ({ key: s.status, cells: [t(`enums.agencyStatus.${s.status}`), n(s.count)] }))} />
            </div>
          )}
        </Card>
        <Card title={t("workforce.agencies.byRating")}>
          {d.agencies.active === 0 ? (
            <EmptyState title={t("workforce.agencies.none")} />
          ) : (
            <div data-testid="agencies-by-rating">
              <BarListChart
                data={d.agencies.byRating.map((r) => ({ label: r.rating === "NONE" ? t("workforce.agencies.notRated") : t(`enums.agencyRatingLevel.${r.rating}`), value: r.count }))}
                color="#2f9e8f"
                valueLabel={t("workforce.agencies.count")}
                summary={`${t("workforce.agencies.byRating")}: ${d.agencies.byRating.map((r) => `${r.rating === "NONE" ? t("workforce.agencies.notRated") : t(`enums.agencyRatingLevel.${r.rating}`)} ${r.count}`).join("; ")}`}
              />
              <FiguresTable
                caption={t("workforce.agencies.byRating")}
                head={[t("workforce.agencies.rating"), t("workforce.agencies.count")]}
                rows={d.agencies.byRating.map((r) => ({ key: r.rating, cells: [r.rating === "NONE" ? t("workforce.agencies.notRated") : t(`enums.agencyRatingLevel.${r.rating}`), n(r.count)] }))}
              />
            </div>
          )}
        </Card>
      </div>

      <Card title={t("workforce.flagged.title")}>
        <p className="mb-3 text-sm text-slate-600">{t("workforce.flagged.description")}</p>
        {d.agencies.flagged.length === 0 ? (
          <EmptyState title={t("workforce.flagged.none")} />
        ) : (
          <div data-testid="flagged-agencies">
            <Table caption={t("workforce.flagged.title")}>
              <thead>
                <tr>
                  <Th>{t("workforce.flagged.agency")}</Th>
                  <Th>{t("workforce.areas.district")}</Th>
                  <Th>{t("workforce.flagged.flags")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.agencies.flagged.map((a) => (
                  <tr key={a.id}>
                    <Td className="font-medium">{localName(a, locale)}</Td>
                    <Td>{a.district ? localName(a.district, locale) : "—"}</Td>
                    <Td>
                      <div className="flex flex-wrap gap-1">
                        {a.flags.map((f) => (
                          <Badge key={f} tone={f === "BLACKLIST" ? "red" : "amber"}>{t(`enums.integrityKind.${f}`)}</Badge>
                        ))}
                      </div>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </Card>
    </div>
  );
}
