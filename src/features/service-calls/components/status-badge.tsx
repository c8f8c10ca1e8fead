import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { TCallStatus, TProposalStatus } from "@/domain/service-calls/enums";

const TONE = { DRAFT: "slate", OPEN: "green", CLOSED: "blue", SELECTED: "blue", CANCELLED: "red" } as const;
const PROPOSAL_TONE = { SUBMITTED: "green", WITHDRAWN: "slate", INELIGIBLE: "red", SELECTED: "blue", NOT_SELECTED: "slate" } as const;

export async function CallStatusBadge({ status }: { status: TCallStatus }) {
  const t = await getTranslations("serviceCalls.statuses");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}

export async function ProposalStatusBadge({ status }: { status: TProposalStatus }) {
  const t = await getTranslations("serviceCalls.proposalStatuses");
  return <Badge tone={PROPOSAL_TONE[status]}>{t(status)}</Badge>;
}
