import { withMessages } from "@/i18n/with-messages";
import { StatusForm as StatusFormClient } from "./status-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const StatusForm = withMessages(StatusFormClient, ["common", "enums.entryPath", "enums.practitionerStatus", "errors", "practitioners.fields", "practitioners.hints", "practitioners.notices", "practitioners.statusForm", "validation"]);
