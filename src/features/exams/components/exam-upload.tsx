import { withMessages } from "@/i18n/with-messages";
import { ExamUpload } from "./exam-upload.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const ExamUploadForm = withMessages(ExamUpload, ["exams.import", "exams.errors", "exams.notices", "exams.validation", "common", "errors", "validation"]);
