import { withMessages } from "@/i18n/with-messages";
import { AssignForm as AssignFormClient } from "./assign-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const AssignForm = withMessages(AssignFormClient, ["common", "errors", "posts.assign", "posts.errors", "posts.notices", "posts.validation", "validation"]);
