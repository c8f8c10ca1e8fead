import { withMessages } from "@/i18n/with-messages";
import { ConfirmAction as ConfirmActionClient } from "./confirm-action.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const ConfirmAction = withMessages(ConfirmActionClient, ["common", "errors", "notices"]);
