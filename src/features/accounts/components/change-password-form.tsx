import { withMessages } from "@/i18n/with-messages";
import { ChangePasswordForm as ChangePasswordFormClient } from "./change-password-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const ChangePasswordForm = withMessages(ChangePasswordFormClient, ["account", "common", "errors", "validation"]);
