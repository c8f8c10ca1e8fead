import { withMessages } from "@/i18n/with-messages";
import { ContactForm as ContactFormClient } from "./contact-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const ContactForm = withMessages(ContactFormClient, ["common", "errors", "practitioners.fields", "practitioners.form", "practitioners.hints", "practitioners.notices", "validation"]);
