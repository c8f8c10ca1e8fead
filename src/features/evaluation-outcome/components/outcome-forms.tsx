import { withMessages } from "@/i18n/with-messages";
import {
  PublishReportForm as PublishReportFormClient,
  AppealForm as AppealFormClient,
  DecideAppealForm as DecideAppealFormClient,
  FinaliseForm as FinaliseFormClient,
} from "./outcome-forms.client";

// The client forms with the messages they render (src/i18n/with-messages.tsx).
const NAMESPACES = ["common", "evaluationOutcome", "errors", "validation"] as const;
export const PublishReportForm = withMessages(PublishReportFormClient, NAMESPACES);
export const AppealForm = withMessages(AppealFormClient, NAMESPACES);
export const DecideAppealForm = withMessages(DecideAppealFormClient, NAMESPACES);
export const FinaliseForm = withMessages(FinaliseFormClient, NAMESPACES);
