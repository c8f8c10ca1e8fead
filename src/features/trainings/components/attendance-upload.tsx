import { withMessages } from "@/i18n/with-messages";
import { AttendanceUpload } from "./attendance-upload.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const AttendanceUploadForm = withMessages(AttendanceUpload, ["trainings.import", "trainings.validation", "trainings.errors", "trainings.notices", "common", "errors", "validation"]);
