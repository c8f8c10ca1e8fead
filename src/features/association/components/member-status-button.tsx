import { withMessages } from "@/i18n/with-messages";
import { MemberStatusButton as MemberStatusButtonClient } from "./member-status-button.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const MemberStatusButton = withMessages(MemberStatusButtonClient, ["association.actions", "association.errors", "association.fields", "association.notices", "association.validation", "common", "errors", "validation"]);
