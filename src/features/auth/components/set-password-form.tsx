import { withMessages } from "@/i18n/with-messages";
import { SetPasswordForm as SetPasswordFormClient } from "./set-password-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const SetPasswordForm = withMessages(SetPasswordFormClient, ["account", "common", "errors", "validation"]);
