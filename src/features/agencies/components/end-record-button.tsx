import { withMessages } from "@/i18n/with-messages";
import { EndRecordButton as EndRecordButtonClient } from "./end-record-button.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const EndRecordButton = withMessages(EndRecordButtonClient, ["agencies.errors", "agencies.integrity", "agencies.notices", "agencies.validation", "common", "errors", "validation"]);
