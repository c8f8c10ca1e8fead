import { withMessages } from "@/i18n/with-messages";
import { SessionDecision as SessionDecisionClient } from "./session-decision.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const SessionDecision = withMessages(SessionDecisionClient, ["common", "errors", "supervision.decide", "supervision.errors", "supervision.notices", "supervision.validation", "validation"]);
