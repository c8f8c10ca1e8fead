import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getRubric } from "@/server/evaluations/queries";
import { retireRubricAction } from "@/features/evaluations/actions";
import { instantDayFormatter } from "@/domain/common/day-format";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Badge, Card, Notice, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations.rubrics");
  return { title: t("title") };
}

/** One rubric version: its criteria with weights and descriptors; the city may retire it. */
export default async function RubricPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("rubrics.manage");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const rubric = await getRubric(id);
  if (!rubric) notFound();
  const [t, tk, ts, format] = await Promise.all([getTranslations("evaluations.rubrics"), getTranslations("enums.evaluationKind"), getTranslations("evaluations.sheet"), getFormatter()]);
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("title")} href="/rubrics">{t("title")}</Breadcrumb>
        <PageHeader
          title={`${tk(rubric.kind)} · ${t("versionValue", { version: rubric.version })}`}
          description={`${rubric.name} · ${t("activeFrom")} ${instantDayFormatter(format)(rubric.activeFrom)} · ${t("usedBy", { n: rubric._count.evaluations })}`}
          actions={rubric.isCurrent ? <Badge tone="green">{t("current")}</Badge> : rubric.retiredAt ? <Badge tone="slate">{t("retired")}</Badge> : <Badge tone="slate">{t("superseded")}</Badge>}
        />
        {sp.created ? <Notice tone="success">{t("created")}</Notice> : null}
      </div>
      <Card title={t("criteria")}>
        <DataTable
          caption={t("criteria")}
          rowHeaders
          columns={[{ label: ts("criterion") }, { label: ts("weight"), numeric: true }, { label: ts("descriptor") }]}
          rows={rubric.criteria.map((c) => ({ key: c.id, testId: "rubric-criterion-row", cells: [`${c.number}. ${c.name}`, ts("weightValue", { weight: c.weight }), <span key="d" className="block min-w-64 whitespace-pre-line text-slate-700">{c.descriptor}</span>] }))}
        />
      </Card>
      {rubric.retiredAt ? (
        <Notice tone="info">{t("retiredNotice")}</Notice>
      ) : (
        <ConfirmAction action={retireRubricAction} fields={{ rubricId: rubric.id }} label={t("retire")} title={t("retireTitle", { version: rubric.version })} body={t("retireBody")} confirmLabel={t("retire")} />
      )}
    </div>
  );
}
