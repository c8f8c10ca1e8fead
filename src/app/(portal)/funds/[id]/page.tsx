import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getFund, getFundBreakdown } from "@/server/funds/queries";
import { fundContributions } from "@/server/funds/contributions";
import { can } from "@/domain/authz/matrix";
import { parsePage, toPage } from "@/lib/pagination";
import { formatFen } from "@/lib/money";
import { LineTable } from "@/features/funds/components/line-table";
import { ContributionForm, LineForm } from "@/features/funds/components/forms";
import { FundBreakdown } from "@/features/funds/components/fund-breakdown";
import { ExportLink } from "@/components/ui/export-link";
import { dayFormatter, momentFormatter } from "@/domain/common/day-format";
import { todayInCityIso } from "@/domain/common/calendar-day";
import { Card, EmptyState, Notice, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("funds");
  return { title: t("title") };
}

export default async function FundPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("funds.read");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const [fund, breakdown, contributions] = await Promise.all([getFund(id, parsePage(sp.page)), getFundBreakdown(id), fundContributions(id)]);
  if (!fund || !breakdown) notFound();
  const [t, locale, format] = await Promise.all([getTranslations("funds"), getLocale(), getFormatter()]);
  const moment = momentFormatter(format);
  const day = dayFormatter(format);
  const manage = can(user, "funds.manage");
  const recordContributions = can(user, "contributions.manage");
  const lineName = new Map(fund.lines.map((l) => [l.id, l.name]));
  const title = `${fund.year} · ${fund.name}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={title}
        actions={
          <>
            <ExportLink href={`/api/funds/${fund.id}/export`} params={{}} label={t("breakdown.export")} />
            <Link href="/funds" className={buttonClass("secondary")}>{t("title")}</Link>
          </>
        }
      />
      {sp.created ? <Notice tone="success">{t("created")}</Notice> : null}
      <Card title={t("lines")}>
        {fund.lines.length === 0 ? <p className="text-sm text-slate-600">{t("noLines")}</p> : <LineTable caption={t("lines")} lines={fund.lines} manage={manage} />}
      </Card>
      {manage ? (
        <Card title={t("addLine")}>
          <LineForm fundId={fund.id} />
        </Card>
      ) : null}
      <Card title={t("breakdown.title")}>
        <FundBreakdown b={breakdown} />
      </Card>
      <Card title={t("contributions.title")}>
        <p className="mb-4 text-sm text-slate-600">{t("contributions.description")}</p>
        <DataTable
          caption={t("contributions.title")}
          testId="contributions"
          empty={<EmptyState title={t("contributions.none")} />}
          columns={[{ label: t("contributions.receivedOn") }, { label: t("contributions.donor") }, { label: t("contributions.source") }, { label: t("line") }, { label: t("amount"), numeric: true }, { label: t("contributions.restrictions") }]}
          rows={contributions.map((c) => ({
            key: c.id,
            testId: "contribution",
            cells: [day(c.receivedOn), c.donor, t(`contributions.sourceKind.${c.source}`), c.line.name, formatFen(c.amountFen, locale), c.restrictions ?? t("contributions.noRestrictions")],
          }))}
        />
        {recordContributions && fund.lines.length ? (
          <div className="mt-6 border-t border-slate-100 pt-4">
            <h3 className="mb-3 text-sm font-semibold text-slate-800">{t("contributions.record")}</h3>
            <ContributionForm lines={fund.lines.map((l) => ({ id: l.id, name: l.name, kind: l.kind }))} today={todayInCityIso()} />
          </div>
        ) : null}
      </Card>
      <Card title={t("movements")}>
        <DataTable
          caption={t("movements")}
          empty={<EmptyState title={t("noMovements")} />}
          columns={[{ label: t("when") }, { label: t("line") }, { label: t("movement") }, { label: t("amount"), numeric: true }, { label: t("note") }]}
          rows={fund.entries.map((e) => ({
            key: e.id,
            cells: [moment(e.createdAt), lineName.get(e.lineId) ?? "", t(`entryKind.${e.kind}`), formatFen(e.amountFen, locale), e.note ?? ""],
          }))}
        />
        {fund.total > fund.pageSize ? <ListPagination result={toPage(fund.entries, fund.total, fund.page, fund.pageSize)} basePath={`/funds/${fund.id}`} params={{}} /> : null}
      </Card>
    </div>
  );
}
