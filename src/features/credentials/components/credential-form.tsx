import { withMessages } from "@/i18n/with-messages";
import { CredentialForm as CredentialFormClient } from "./credential-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const CredentialForm = withMessages(CredentialFormClient, ["common.errorSummary", "credentials", "enums.credentialKind", "enums.degree", "enums.professionalTitle", "errors", "validation"]);
