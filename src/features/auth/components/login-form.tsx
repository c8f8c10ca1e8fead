import { withMessages } from "@/i18n/with-messages";
import { LoginForm as LoginFormClient } from "./login-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const LoginForm = withMessages(LoginFormClient, ["auth", "common.errorSummary", "errors", "validation"]);
