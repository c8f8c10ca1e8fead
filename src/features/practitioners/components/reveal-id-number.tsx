import { withMessages } from "@/i18n/with-messages";
import { RevealIdNumber as RevealIdNumberClient } from "./reveal-id-number.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const RevealIdNumber = withMessages(RevealIdNumberClient, ["common", "errors", "practitioners.notices", "practitioners.reveal"]);
