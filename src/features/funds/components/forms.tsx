import { withMessages } from "@/i18n/with-messages";
import { FundForm as FundFormClient } from "./fund-form.client";
import { LineForm as LineFormClient } from "./line-form.client";
import { LineAmountForm as LineAmountFormClient } from "./line-amount-form.client";
import { ContributionForm as ContributionFormClient } from "./contribution-form.client";

// The client forms with the messages they render (src/i18n/with-messages.tsx).
const NS = ["funds", "common", "errors", "validation"] as const;
export const FundForm = withMessages(FundFormClient, NS);
export const LineForm = withMessages(LineFormClient, NS);
export const LineAmountForm = withMessages(LineAmountFormClient, NS);
export const ContributionForm = withMessages(ContributionFormClient, NS);
