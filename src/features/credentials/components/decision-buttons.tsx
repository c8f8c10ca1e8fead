import { withMessages } from "@/i18n/with-messages";
import { VerifyButton as VerifyButtonClient, ReasonButton as ReasonButtonClient } from "./decision-buttons.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const VerifyButton = withMessages(VerifyButtonClient, ["credentials", "registrations.decide", "errors"]);
export const ReasonButton = withMessages(ReasonButtonClient, ["common.errorSummary", "credentials", "registrations.decide", "errors", "validation"]);
