import { withMessages } from "@/i18n/with-messages";
import { RenewalButton as RenewalButtonClient } from "./renewal-button.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const RenewalButton = withMessages(RenewalButtonClient, ["registrations.renewal", "common", "errors", "notices"]);
