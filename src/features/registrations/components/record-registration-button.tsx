import { withMessages } from "@/i18n/with-messages";
import { RecordRegistrationButton as RecordRegistrationButtonClient } from "./record-registration-button.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const RecordRegistrationButton = withMessages(RecordRegistrationButtonClient, ["common.errorSummary", "registrations.record", "errors", "validation"]);
