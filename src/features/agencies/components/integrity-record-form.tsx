import { withMessages } from "@/i18n/with-messages";
import { IntegrityRecordForm as IntegrityRecordFormClient } from "./integrity-record-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const IntegrityRecordForm = withMessages(IntegrityRecordFormClient, ["agencies.errors", "agencies.integrity", "agencies.notices", "agencies.validation", "common", "enums.integrityKind", "errors", "validation"]);
