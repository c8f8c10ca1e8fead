import { withMessages } from "@/i18n/with-messages";
import { LogSessionForm as LogSessionFormClient } from "./log-session-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const LogSessionForm = withMessages(LogSessionFormClient, ["common", "errors", "supervision.errors", "supervision.notices", "supervision.log", "supervision.validation", "validation"]);
