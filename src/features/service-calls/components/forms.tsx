import { withMessages } from "@/i18n/with-messages";
import { CallForm as CallFormClient } from "./call-form.client";
import { ProposalForm as ProposalFormClient } from "./proposal-form.client";
import { EligibilityLines as EligibilityLinesClient } from "./eligibility-lines.client";

// The client components with the messages they render (src/i18n/with-messages.tsx).
export const CallForm = withMessages(CallFormClient, ["serviceCalls", "common", "errors", "validation", "enums.practiceField", "enums.targetGroup", "enums.agencyRatingLevel"]);
export const ProposalForm = withMessages(ProposalFormClient, ["serviceCalls", "common", "errors", "validation", "enums.qualificationLevel", "enums.agencyRatingLevel"]);
export const EligibilityLines = withMessages(EligibilityLinesClient, ["serviceCalls.eligibility", "enums.agencyRatingLevel"]);
