import { withMessages } from "@/i18n/with-messages";
import { PractitionerForm as PractitionerFormClient } from "./practitioner-form.client";

export type { TPractitionerFormValues } from "./practitioner-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const PractitionerForm = withMessages(PractitionerFormClient, ["common", "enums.awardLevel", "enums.degree", "enums.employmentType", "enums.entryPath", "enums.gender", "enums.major", "enums.practiceField", "enums.professionalTitle", "enums.talentTrack", "enums.targetGroup", "errors", "practitioners.awards", "practitioners.fields", "practitioners.form", "practitioners.hints", "practitioners.notices", "practitioners.sections", "validation"]);
