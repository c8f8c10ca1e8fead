import { withMessages } from "@/i18n/with-messages";
import { UploadForm as UploadFormClient } from "./upload-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const UploadForm = withMessages(UploadFormClient, ["common.errorSummary", "errors", "practitioners.fields", "practitioners.notices", "staff.import", "validation"]);
