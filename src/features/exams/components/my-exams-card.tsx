import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";

/** On My profile: where a practitioner records the exams they sat. */
export async function MyExamsCard() {
  const t = await getTranslations("exams.mine");
  return (
    <Card title={t("title")}>
      <p className="text-sm text-slate-600" data-testid="my-exams-card">
        {t("profileIntro")}{" "}
        <Link href="/me/exams" className="font-medium text-brand-700 underline hover:text-brand-800">{t("profileLink")}</Link>
      </p>
    </Card>
  );
}
