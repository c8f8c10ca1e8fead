import { withMessages } from "@/i18n/with-messages";
import { DrawForm as DrawFormClient } from "./draw-form.client";
import { CheckItemForm as CheckItemFormClient } from "./check-item-form.client";

// The client forms with the messages they render (src/i18n/with-messages.tsx).
export const DrawForm = withMessages(DrawFormClient, ["common", "errors", "validation", "spotChecks"]);
export const CheckItemForm = withMessages(CheckItemFormClient, ["common", "errors", "validation", "spotChecks"]);
