import { withMessages } from "@/i18n/with-messages";
import { ApproveForm as ApproveFormClient } from "./approve-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const ApproveForm = withMessages(ApproveFormClient, ["common", "errors", "supervision.approve", "supervision.errors", "supervision.notices", "supervision.validation", "validation"]);
export type { TApproveOption } from "./approve-form.client";
