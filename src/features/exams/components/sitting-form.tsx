import { withMessages } from "@/i18n/with-messages";
import { SittingForm as SittingFormClient } from "./sitting-form.client";

export type { TSittingCandidate } from "./sitting-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const SittingForm = withMessages(SittingFormClient, ["exams.record", "exams.mine", "exams.validation", "exams.errors", "exams.notices", "common", "errors", "validation"]);
