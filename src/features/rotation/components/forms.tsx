import { withMessages } from "@/i18n/with-messages";
import { AddAllForm as AddAllFormClient, AddPeopleForm as AddPeopleFormClient } from "./add-people-form.client";
import { CohortBuilder as CohortBuilderClient } from "./cohort-builder.client";

// The client forms with the messages they render (src/i18n/with-messages.tsx).
export const AddPeopleForm = withMessages(AddPeopleFormClient, ["rotation.list", "rotation.errors", "rotation.validation", "common", "errors", "validation"]);
export const AddAllForm = withMessages(AddAllFormClient, ["rotation.list", "rotation.errors", "rotation.validation", "common", "errors", "validation"]);
export const CohortBuilder = withMessages(CohortBuilderClient, ["rotation.cohort", "rotation.errors", "rotation.validation", "common", "errors", "validation"]);
