import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/session";
import { PageHeader } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("baseline");
  return { title: t("title") };
}

/** The load test's baseline (scripts/bench/load.ts): shell and session check only; every later benchmark reports ratios to it. */
export default async function BaselinePage() {
  await requireUser();
  const t = await getTranslations("baseline");
  return <PageHeader title={t("title")} />;
}
