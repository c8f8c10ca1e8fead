import { withMessages } from "@/i18n/with-messages";
import { StatusActions as StatusActionsClient } from "./status-actions.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const StatusActions = withMessages(StatusActionsClient, ["agencies.errors", "agencies.notices", "agencies.status", "agencies.validation", "common", "errors", "validation"]);
