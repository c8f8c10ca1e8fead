import { withMessages } from "@/i18n/with-messages";
import { StartPairForm as StartPairFormClient } from "./start-pair-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const StartPairForm = withMessages(StartPairFormClient, ["common", "errors", "supervision.errors", "supervision.notices", "supervision.start", "supervision.validation", "validation"]);
export type { TPickOption } from "./start-pair-form.client";
