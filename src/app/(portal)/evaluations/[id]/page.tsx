import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getEvaluationOutcome } from "@/server/evaluation-outcome/queries";
import { PageHeader } from "@/components/ui/card";
import { EvaluationOutcome } from "@/features/evaluation-outcome/components/evaluation-outcome";

// PLACEHOLDER (issue 14, part B): a minimal evaluation page that renders only the outcome section,
// for part B's own e2e. Part A's /evaluations/[id] page replaces this file at merge and renders
// <EvaluationOutcome evaluationId={id} principal={user} notice={notice} /> at its
// `{/* OUTCOME (part B) */}` place.

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluationOutcome");
  return { title: t("title") };
}

export default async function EvaluationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string | string[] }> }) {
  const user = await requirePermission("evaluations.read");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const o = await getEvaluationOutcome(user, id);
  if (!o) notFound();
  const t = await getTranslations("evaluationOutcome");
  return (
    <div className="space-y-6">
      <PageHeader title={`${o.reference} · ${t(`kinds.${o.kind}`)}`} description={[o.subject, o.body].filter(Boolean).join(" · ")} />
      {/* OUTCOME (part B) */}
      <EvaluationOutcome evaluationId={id} principal={user} notice={typeof sp.notice === "string" ? sp.notice : undefined} />
    </div>
  );
}
