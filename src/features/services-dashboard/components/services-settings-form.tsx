import { withMessages } from "@/i18n/with-messages";
import { ServicesSettingsForm as ServicesSettingsFormClient } from "./services-settings-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const ServicesSettingsForm = withMessages(ServicesSettingsFormClient, ["common", "errors", "notices", "servicesSettings", "validation"]);
