import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getCall, ownProposal, proposalFormFacts } from "@/server/service-calls/queries";
import { acceptsProposals } from "@/domain/service-calls/rules";
import { momentFormatter } from "@/domain/common/day-format";
import { ProposalForm } from "@/features/service-calls/components/forms";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("serviceCalls");
  return { title: t("propose.title") };
}

/** The agency's proposal form (proposals.submit): only while the call takes proposals, once per agency. */
export default async function ProposePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("proposals.submit");
  const { id } = await params;
  const call = await getCall(user, id);
  if (!call) notFound();
  const [t, format, own, facts] = await Promise.all([getTranslations("serviceCalls"), getFormatter(), ownProposal(user, call.id), proposalFormFacts(user)]);
  if (own && own.status !== "WITHDRAWN") redirect(`/service-calls/${call.id}`);
  const taking = acceptsProposals(call, new Date());
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("breadcrumb")} href={`/service-calls/${call.id}`}>{call.title}</Breadcrumb>
        <PageHeader title={t("propose.title")} description={t("propose.intro", { call: call.title, deadline: momentFormatter(format)(call.deadline) })} />
      </div>
      <Card>
        {taking && facts ? (
          <ProposalForm
            callId={call.id}
            budgetFen={call.budgetFen}
            requirements={{ minRating: call.minRating, minQualifiedStaff: call.minQualifiedStaff, minQualifiedPercent: call.minQualifiedPercent }}
            facts={facts.facts}
            bar={facts.bar}
            today={facts.today}
          />
        ) : (
          <Notice tone="info">{t("propose.notTaking")}</Notice>
        )}
      </Card>
    </div>
  );
}
