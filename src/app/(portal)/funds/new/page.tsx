import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { FundForm } from "@/features/funds/components/forms";
import { todayInCityIso } from "@/domain/common/calendar-day";
import { Card, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("funds");
  return { title: t("new") };
}

export default async function NewFundPage() {
  await requirePermission("funds.manage");
  const t = await getTranslations("funds");
  return (
    <div className="space-y-6">
      <PageHeader title={t("new")} description={t("newDescription")} actions={<Link href="/funds" className={buttonClass("secondary")}>{t("title")}</Link>} />
      <Card>
        <FundForm year={Number(todayInCityIso().slice(0, 4))} />
      </Card>
    </div>
  );
}
