import { withMessages } from "@/i18n/with-messages";
import { TransferForm as TransferFormClient } from "./transfer-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const TransferForm = withMessages(TransferFormClient, ["common", "errors", "staff.transfer", "validation"]);
