import { withMessages } from "@/i18n/with-messages";
import { RatingForm as RatingFormClient } from "./rating-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const RatingForm = withMessages(RatingFormClient, ["agencies.errors", "agencies.notices", "agencies.ratings", "agencies.validation", "common", "enums.agencyRatingLevel", "errors", "validation"]);
