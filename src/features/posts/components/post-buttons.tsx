import { withMessages } from "@/i18n/with-messages";
import { EndAssignmentButton as EndAssignmentButtonClient, ClosePostButton as ClosePostButtonClient } from "./post-buttons.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const EndAssignmentButton = withMessages(EndAssignmentButtonClient, ["common", "errors", "posts.end", "posts.errors", "posts.notices", "posts.validation", "validation"]);
export const ClosePostButton = withMessages(ClosePostButtonClient, ["common", "errors", "posts.close", "posts.errors", "posts.notices", "posts.validation", "validation"]);
