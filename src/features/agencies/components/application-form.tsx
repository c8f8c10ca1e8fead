import { withMessages } from "@/i18n/with-messages";
import { ApplicationForm as ApplicationFormClient } from "./application-form.client";

export type { TApplicationFormValues } from "./application-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const ApplicationForm = withMessages(ApplicationFormClient, ["agencyApplications.amend", "agencyApplications.apply", "agencyApplications.emailCode", "agencyApplications.errors", "agencyApplications.fields", "agencyApplications.hints", "agencyApplications.sections", "agencyApplications.validation", "common", "enums.practiceField", "enums.targetGroup", "errors", "validation"]);
