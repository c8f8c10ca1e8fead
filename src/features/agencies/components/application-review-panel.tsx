import { withMessages } from "@/i18n/with-messages";
import { ApplicationReviewPanel as ApplicationReviewPanelClient } from "./application-review-panel.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const ApplicationReviewPanel = withMessages(ApplicationReviewPanelClient, ["agencyApplications.errors", "agencyApplications.review", "agencyApplications.validation", "common", "errors", "validation"]);
