import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { rubricDraft } from "@/server/evaluations/queries";
import { EVALUATION_KINDS, type TEvaluationKind } from "@/domain/evaluations/enums";
import { RubricForm } from "@/features/evaluations/components/forms";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card, PageHeader } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations.rubrics");
  return { title: t("newVersion") };
}

/** A new version of one kind's rubric, drawn from its current version. */
export default async function NewRubricPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("rubrics.manage");
  const kind = (await searchParams).kind;
  if (typeof kind !== "string" || !(EVALUATION_KINDS as readonly string[]).includes(kind)) notFound();
  const [t, tk, draft] = await Promise.all([getTranslations("evaluations.rubrics"), getTranslations("enums.evaluationKind"), rubricDraft(kind as TEvaluationKind)]);
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("title")} href="/rubrics">{t("title")}</Breadcrumb>
        <PageHeader title={t("newTitle", { kind: tk(kind as TEvaluationKind) })} description={t("newDescription", { version: draft.basedOn + 1 })} />
      </div>
      <Card>
        <RubricForm kind={kind} basedOn={draft.basedOn} name={draft.name} criteria={draft.criteria.map((c) => ({ name: c.name, weight: String(c.weight), descriptor: c.descriptor }))} />
      </Card>
    </div>
  );
}
