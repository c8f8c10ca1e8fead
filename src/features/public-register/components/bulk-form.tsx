import { withMessages } from "@/i18n/with-messages";
import { BulkForm as BulkFormClient } from "./bulk-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const BulkForm = withMessages(BulkFormClient, ["enums.qualificationLevel", "publicRegister.bulk", "publicRegister.fields", "publicRegister.problems", "publicRegister.status"]);
