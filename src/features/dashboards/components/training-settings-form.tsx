import { withMessages } from "@/i18n/with-messages";
import { TrainingSettingsForm as TrainingSettingsFormClient } from "./training-settings-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const TrainingSettingsForm = withMessages(TrainingSettingsFormClient, ["common", "enums.qualificationLevel", "errors", "notices", "trainingSettings", "validation"]);
