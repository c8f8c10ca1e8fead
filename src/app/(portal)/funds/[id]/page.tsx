import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getFund } from "@/server/funds/queries";
import { can } from "@/domain/authz/matrix";
import { parsePage, toPage } from "@/lib/pagination";
import { formatFen } from "@/lib/money";
import { LineTable } from "@/features/funds/components/line-table";
import { LineForm } from "@/features/funds/components/forms";
import { momentFormatter } from "@/domain/common/day-format";
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
  const fund = await getFund(id, parsePage(sp.page));
  if (!fund) notFound();
  const [t, locale, format] = await Promise.all([getTranslations("funds"), getLocale(), getFormatter()]);
  const moment = momentFormatter(format);
  const manage = can(user, "funds.manage");
  const lineName = new Map(fund.lines.map((l) => [l.id, l.name]));
  const title = `${fund.year} · ${fund.name}`;
  return (
    <div className="space-y-6">
      <PageHeader title={title} actions={<Link href="/funds" className={buttonClass("secondary")}>{t("title")}</Link>} />
      {sp.created ? <Notice tone="success">{t("created")}</Notice> : null}
      <Card title={t("lines")}>
        {fund.lines.length === 0 ? <p className="text-sm text-slate-600">{t("noLines")}</p> : <LineTable caption={t("lines")} lines={fund.lines} manage={manage} />}
      </Card>
      {manage ? (
        <Card title={t("addLine")}>
          <LineForm fundId={fund.id} />
        </Card>
      ) : null}
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
