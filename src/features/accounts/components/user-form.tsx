import { withMessages } from "@/i18n/with-messages";
import { UserForm as UserFormClient } from "./user-form.client";

export type { TScopeOptions } from "./user-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const UserForm = withMessages(UserFormClient, ["auth", "common", "errors", "home", "notices", "roles", "users", "validation"]);
