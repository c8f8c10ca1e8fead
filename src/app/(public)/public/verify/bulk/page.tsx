import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BulkForm } from "@/features/public-register/components/bulk-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("publicRegister");
  return { title: t("bulk.title") };
}

export default async function BulkVerifyPage() {
  const t = await getTranslations("publicRegister");
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("bulk.title")}</h1>
      <p className="mt-2 mb-6 max-w-2xl text-sm text-slate-600">{t("bulk.intro")}</p>
      <BulkForm />
    </div>
  );
}
