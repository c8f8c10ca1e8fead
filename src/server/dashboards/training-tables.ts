import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { localName } from "@/i18n/local-name";
import type { TTrainingExportTable } from "@/domain/dashboards/training-filter";
import type { TNamedCount, TTrainingDashboard } from "./training";

// The training dashboard's tables, labelled in the reader's language: the page draws and shows
// them, the export writes them, so a file holds exactly what the page's table shows.

export type TColumnKind = "text" | "number" | "hours" | "money" | "percent";
export type TTableColumn = { label: string; kind: TColumnKind };
/** `value`: what a chart draws. Cells: text, numbers, half hours ("hours"), fen ("money"), shares 0–1 ("percent"), null for none. */
export type TTableRow = { key: string; value: number; cells: (string | number | null)[] };
export type TDashboardTable = { title: string; columns: TTableColumn[]; rows: TTableRow[] };

export async function trainingTables(d: TTrainingDashboard): Promise<Record<TTrainingExportTable, TDashboardTable>> {
  const [t, ts, tt, te, tf, tc, tr, locale] = await Promise.all([
    getTranslations("trainingDashboard"),
    getTranslations("supervision"),
    getTranslations("trainings"),
    getTranslations("enums"),
    getTranslations("exams.funnel"),
    getTranslations("civilServants"),
    getTranslations("rotation.coverage"),
    getLocale(),
  ]);
  const month = (m: string) => new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${m}-01T00:00:00Z`));
  const trained = [
    { label: t("trained.people"), kind: "number" },
    { label: t("trained.completions"), kind: "number" },
    { label: t("trained.hours"), kind: "hours" },
  ] as const satisfies TTableColumn[];
  const counts = (rows: { key: string | null; people: number; completions: number; halfHours: number }[], label: (key: string | null, i: number) => string) =>
    rows.map((r, i) => ({ key: r.key ?? `none-${i}`, value: r.people, cells: [label(r.key, i), r.people, r.completions, r.halfHours] }));
  const areaName = (rows: TNamedCount[]) => (key: string | null, i: number) => {
    const named = rows[i]?.named;
    if (named) return localName(named, locale);
    if (key) return t("trained.unknownArea");
    return d.scope === "district" ? t("trained.districtLevel") : t("trained.cityLevel");
  };
  const byArea = d.scope === "district" ? t("trained.byStreet") : t("trained.byDistrict");
  return {
    months: {
      title: t("export.tables.months"),
      columns: [{ label: t("hours.month"), kind: "text" }, { label: t("hours.hours"), kind: "hours" }, { label: t("hours.attendees"), kind: "number" }],
      // No attendance at all: no table of zeros (the page says so in a sentence).
      rows: d.stats.deliveredHalfHours ? d.stats.deliveredByMonth.map((m) => ({ key: m.month, value: m.halfHours / 2, cells: [month(m.month), m.halfHours, m.people] })) : [],
    },
    kinds: {
      title: t("trained.byKind"),
      columns: [{ label: t("trained.byKind"), kind: "text" }, ...trained],
      rows: counts(d.stats.byKind, (k) => (k ? tt(`kinds.${k}` as never) : "—")),
    },
    fields: {
      title: t("trained.byField"),
      columns: [{ label: t("trained.byField"), kind: "text" }, ...trained],
      rows: counts(d.stats.byField, (k) => (k ? te(`practiceField.${k}` as never) : "—")),
    },
    areas: {
      title: byArea,
      columns: [{ label: byArea, kind: "text" }, ...trained],
      rows: counts(d.stats.byArea, areaName(d.stats.byArea)),
    },
    departments: {
      title: t("trained.byDepartment"),
      columns: [{ label: t("trained.byDepartment"), kind: "text" }, ...trained],
      rows: counts(d.stats.byDepartment, (k, i) => (k ? localName(d.stats.byDepartment[i]?.named, locale) || "—" : t("trained.noDepartment"))),
    },
    subsidy: {
      title: t("export.tables.subsidy"),
      columns: [
        { label: t("subsidy.fund"), kind: "text" },
        { label: t("subsidy.line"), kind: "text" },
        { label: t("subsidy.amount"), kind: "money" },
        { label: t("subsidy.outstanding"), kind: "money" },
        { label: t("subsidy.spent"), kind: "money" },
        { label: t("subsidy.available"), kind: "money" },
      ],
      rows: d.subsidy.lines.map((l) => ({ key: l.id, value: Number(l.spentFen), cells: [`${l.fund.year} ${l.fund.name}`, l.name, Number(l.amountFen), Number(l.outstandingFen), Number(l.spentFen), Number(l.availableFen)] })),
    },
    funnel: {
      title: tf("title", { year: d.funnel.year }),
      columns: [{ label: tf("stage"), kind: "text" }, { label: tf("people"), kind: "number" }, { label: tf("fromPrevious"), kind: "number" }],
      rows: d.funnel.stages.map((f) => ({ key: f.stage, value: f.people, cells: [tf(`stages.${f.stage}`), f.people, f.fromPrevious] })),
    },
    deadlines: {
      title: tc("card.title", { years: d.deadlines.years }),
      columns: [
        { label: tc("columns.department"), kind: "text" },
        ...(["OVERDUE", "DUE", "PENDING", "DONE"] as const).map((k) => ({ label: tc(`statuses.${k}`), kind: "number" as const })),
        { label: tc("summary.total"), kind: "number" },
      ],
      rows: d.deadlines.byDepartment.map((r) => ({ key: r.department.id, value: r.total, cells: [localName(r.department, locale), r.overdue, r.due, r.pending, r.done, r.total] })),
    },
    rotation: {
      title: tr("title"),
      columns: [{ label: tr("department"), kind: "text" }, { label: tr("listed"), kind: "number" }, { label: tr("covered"), kind: "number" }, { label: tr("never"), kind: "number" }, { label: tr("share"), kind: "percent" }],
      rows: d.rotation.byDepartment.map((r) => ({ key: r.id ?? "city", value: r.covered, cells: [r.id === null ? tr("cityLevel") : localName(r, locale), r.listed, r.covered, r.never, r.share] })),
    },
    coverage: {
      title: t("export.tables.coverage"),
      columns: [{ label: ts("coverage.district"), kind: "text" }, { label: ts("coverage.frontline"), kind: "number" }, { label: ts("coverage.covered"), kind: "number" }, { label: ts("coverage.share"), kind: "percent" }],
      rows: d.coverage.byDistrict.length
        ? d.coverage.byDistrict.map((r) => ({ key: r.id, value: r.covered, cells: [localName(r, locale), r.frontline, r.covered, r.share] }))
        : [{ key: "scope", value: d.coverage.covered, cells: [t("export.scope"), d.coverage.frontline, d.coverage.covered, d.coverage.share] }],
    },
    loads: {
      title: t("export.tables.loads"),
      columns: [
        { label: ts("loads.supervisor"), kind: "text" },
        { label: ts("loads.employer"), kind: "text" },
        { label: ts("loads.load"), kind: "number" },
        { label: ts("loads.inScope"), kind: "number" },
        { label: t("export.eligible"), kind: "text" },
      ],
      rows: d.loads.rows.map((r) => ({ key: r.id, value: r.standing.active, cells: [r.name, r.organization ? localName(r.organization, locale) : "", r.standing.active, r.inScope, r.standing.eligibility.eligible ? t("export.yes") : t("export.no")] })),
    },
  };
}

