import { withMessages } from "@/i18n/with-messages";
import { AddMemberForm as AddMemberFormClient } from "./add-member-form.client";

export type { TCandidateOption } from "./add-member-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const AddMemberForm = withMessages(AddMemberFormClient, ["association.add", "association.errors", "association.fields", "association.notices", "association.validation", "common", "errors", "validation"]);
