import { withMessages } from "@/i18n/with-messages";
import { CpdForm as CpdFormClient } from "./cpd-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const CpdForm = withMessages(CpdFormClient, ["common.errorSummary", "registrations.cpdForm", "registrations.cpdKind", "errors", "validation"]);
