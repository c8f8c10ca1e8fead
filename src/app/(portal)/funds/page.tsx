import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { listFunds } from "@/server/funds/queries";
import { can } from "@/domain/authz/matrix";
import { LineTable } from "@/features/funds/components/line-table";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("funds");
  return { title: t("title") };
}

export default async function FundsPage() {
  const user = await requirePermission("funds.read");
  const [t, funds] = await Promise.all([getTranslations("funds"), listFunds()]);
  const manage = can(user, "funds.manage");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} actions={manage ? <Link href="/funds/new" className={buttonClass("primary")}>{t("new")}</Link> : null} />
      {funds.length === 0 ? (
        <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
      ) : (
        funds.map((f) => (
          <Card key={f.id} title={<Link href={`/funds/${f.id}`} className="text-brand-800 hover:underline">{`${f.year} · ${f.name}`}</Link>}>
            {f.lines.length === 0 ? <p className="text-sm text-slate-600">{t("noLines")}</p> : <LineTable caption={`${f.year} · ${f.name}`} lines={f.lines} manage={false} />}
          </Card>
        ))
      )}
    </div>
  );
}
