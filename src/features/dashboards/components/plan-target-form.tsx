import { withMessages } from "@/i18n/with-messages";
import { PlanTargetForm as PlanTargetFormClient } from "./plan-target-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const PlanTargetForm = withMessages(PlanTargetFormClient, ["common", "errors", "growth.settings", "notices", "validation"]);
