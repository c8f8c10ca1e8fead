import { withMessages } from "@/i18n/with-messages";
import { SupervisionForm as SupervisionFormClient } from "./supervision-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const SupervisionForm = withMessages(SupervisionFormClient, ["common", "errors", "organizations.supervision", "validation"]);
