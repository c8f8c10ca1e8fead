import { withMessages } from "@/i18n/with-messages";
import { ImportProgress as ImportProgressClient } from "./import-progress.client";

export type { TProgress } from "./import-progress.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const ImportProgress = withMessages(ImportProgressClient, ["staff.import.progress"]);
