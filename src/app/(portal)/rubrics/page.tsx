import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { listRubrics } from "@/server/evaluations/queries";
import { instantDayFormatter } from "@/domain/common/day-format";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations.rubrics");
  return { title: t("title") };
}

/** The rubrics, kind by kind: every version, the current one marked, and a new version from it. */
export default async function RubricsPage() {
  await requirePermission("rubrics.manage");
  const [t, tk, format, kinds] = await Promise.all([getTranslations("evaluations.rubrics"), getTranslations("enums.evaluationKind"), getFormatter(), listRubrics()]);
  const day = instantDayFormatter(format);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {kinds.map((k) => (
        <section key={k.kind} data-testid={`rubrics-${k.kind}`}>
          <Card title={tk(k.kind)} actions={<Link href={`/rubrics/new?kind=${k.kind}`} className={buttonClass("secondary", "sm")}>{t("newVersion")}</Link>}>
            <DataTable
              caption={tk(k.kind)}
              rowHeaders
              empty={<EmptyState title={t("none")}>{t("noneHint")}</EmptyState>}
              columns={[{ label: t("version") }, { label: t("name") }, { label: t("criteria"), numeric: true }, { label: t("activeFrom") }, { label: t("used"), numeric: true }, { label: t("state") }]}
              rows={k.versions.map((v) => ({
                key: v.id,
                testId: "rubric-version",
                data: { version: String(v.version) },
                cells: [
                  <Link key="v" href={`/rubrics/${v.id}`} className="text-brand-800 hover:underline">{t("versionValue", { version: v.version })}</Link>,
                  v.name,
                  v._count.criteria,
                  day(v.activeFrom),
                  t("usedBy", { n: v._count.evaluations }),
                  v.id === k.current ? <Badge key="s" tone="green">{t("current")}</Badge> : v.retiredAt ? <Badge key="s" tone="slate">{t("retired")}</Badge> : <Badge key="s" tone="slate">{t("superseded")}</Badge>,
                ],
              }))}
            />
          </Card>
        </section>
      ))}
    </div>
  );
}
