import { withMessages } from "@/i18n/with-messages";
import { ProfileForm as ProfileFormClient } from "./profile-form.client";

export type { TProfileFormAgency } from "./profile-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const ProfileForm = withMessages(ProfileFormClient, ["agencies.errors", "agencies.notices", "agencies.profile", "agencies.validation", "common", "enums.practiceField", "enums.targetGroup", "errors", "validation"]);
