import { withMessages } from "@/i18n/with-messages";
import {
  ReportMilestoneForm as ReportMilestoneFormClient,
  DecideMilestoneForm as DecideMilestoneFormClient,
  RequestPaymentForm as RequestPaymentFormClient,
  DecidePaymentForm as DecidePaymentFormClient,
  ReplaceStaffForm as ReplaceStaffFormClient,
  CloseContractForm as CloseContractFormClient,
} from "./contract-forms.client";

// The client forms with the messages they render (src/i18n/with-messages.tsx). The payment forms'
// refusals may come from the funds ledger: the page adds extraNamespaces={["funds.errors"]}.
export const ReportMilestoneForm = withMessages(ReportMilestoneFormClient, ["common", "contracts.detail", "contracts.errors", "contracts.validation", "errors", "validation"]);
export const DecideMilestoneForm = withMessages(DecideMilestoneFormClient, ["common", "contracts.detail", "contracts.errors", "contracts.validation", "errors", "validation"]);
export const RequestPaymentForm = withMessages(RequestPaymentFormClient, ["common", "contracts.detail", "contracts.errors", "contracts.validation", "errors", "validation"]);
export const DecidePaymentForm = withMessages(DecidePaymentFormClient, ["common", "contracts.detail", "contracts.errors", "contracts.validation", "errors", "validation"]);
export const ReplaceStaffForm = withMessages(ReplaceStaffFormClient, ["common", "contracts.detail", "contracts.errors", "contracts.validation", "errors", "validation"]);
export const CloseContractForm = withMessages(CloseContractFormClient, ["contracts.detail", "contracts.errors", "contracts.validation", "errors", "validation"]);
