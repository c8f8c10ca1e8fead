import { withMessages } from "@/i18n/with-messages";
import { ApplicationStatusLookup as ApplicationStatusLookupClient } from "./application-status-lookup.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const ApplicationStatusLookup = withMessages(ApplicationStatusLookupClient, [
  "agencyApplications.status",
  "agencyApplications.errors",
  "agencyApplications.validation",
  "enums.applicationStatus",
  "common",
  "errors",
  "validation",
]);
