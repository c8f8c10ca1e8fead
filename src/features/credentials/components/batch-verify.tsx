import { withMessages } from "@/i18n/with-messages";
import { BatchVerify as BatchVerifyClient } from "./batch-verify.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const BatchVerify = withMessages(BatchVerifyClient, ["credentials", "errors", "validation"]);
