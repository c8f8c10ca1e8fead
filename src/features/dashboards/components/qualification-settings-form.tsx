import { withMessages } from "@/i18n/with-messages";
import { QualificationSettingsForm as QualificationSettingsFormClient } from "./qualification-settings-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const QualificationSettingsForm = withMessages(QualificationSettingsFormClient, ["common", "enums.credentialKind", "errors", "growth.qualificationSettings", "notices", "validation"]);
