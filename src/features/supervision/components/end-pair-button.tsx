import { withMessages } from "@/i18n/with-messages";
import { EndPairButton as EndPairButtonClient } from "./end-pair-button.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const EndPairButton = withMessages(EndPairButtonClient, ["common", "errors", "supervision.end", "supervision.errors", "supervision.notices", "supervision.validation", "validation"]);
