import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TPrincipal } from "@/domain/authz/matrix";
import { contractEvaluations } from "@/server/evaluation-outcome/queries";
import { formatHundredths } from "@/domain/evaluation-outcome/rules";
import { can } from "@/domain/authz/matrix";
import { Badge } from "@/components/ui/card";
import { SectionCard } from "@/components/ui/section-card";
import { DataTable } from "@/components/ui/data-table";
import { GRADE_TONE, OUTCOME_STATUS_TONE } from "./tones";

/** A contract's project evaluations (mid-term, final) with their status and, once readable, their result; the grade its close recorded. */
export async function ContractEvaluations({ contractId, principal, closedGrade }: { contractId: string; principal: TPrincipal; closedGrade: "EXCELLENT" | "GOOD" | "PASS" | "FAIL" | null }) {
  if (!can(principal, "evaluations.read")) return null;
  const [rows, t, te] = await Promise.all([contractEvaluations(principal, contractId), getTranslations("evaluationOutcome"), getTranslations("enums")]);
  return (
    <SectionCard id="evaluations" title={t("contract.title")}>
      <div className="space-y-3" data-testid="contract-evaluations">
        {closedGrade ? <p className="text-sm font-medium text-slate-800" data-testid="contract-closed-grade">{t("contract.closedGrade", { grade: te(`evaluationGrade.${closedGrade}`) })}</p> : null}
        <DataTable
          caption={t("contract.title")}
          empty={<p className="text-sm text-slate-600">{t("contract.none")}</p>}
          columns={[{ label: t("contract.reference") }, { label: t("contract.kind") }, { label: t("contract.body") }, { label: t("contract.status") }, { label: t("contract.score"), numeric: true }, { label: t("contract.grade") }]}
          rows={rows.map((e) => ({
            key: e.id,
            testId: "contract-evaluation",
            data: { status: e.status, kind: e.kind },
            cells: [
              <Link key="ref" href={`/evaluations/${e.id}`} className="font-medium text-brand-700 hover:underline">{e.reference}</Link>,
              te(`evaluationKind.${e.kind}`),
              e.body,
              <Badge key="status" tone={OUTCOME_STATUS_TONE[e.status]}>{te(`evaluationStatus.${e.status}`)}</Badge>,
              e.scoreHundredths === null ? "—" : formatHundredths(e.scoreHundredths),
              e.grade ? <Badge key="grade" tone={GRADE_TONE[e.grade]}>{te(`evaluationGrade.${e.grade}`)}</Badge> : "—",
            ],
          }))}
        />
      </div>
    </SectionCard>
  );
}
