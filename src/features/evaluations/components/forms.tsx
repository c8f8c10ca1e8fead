import { withMessages } from "@/i18n/with-messages";
import { AddScorerForm as AddScorerFormClient } from "./add-scorer-form.client";
import { AssignForm as AssignFormClient } from "./assign-form.client";
import { DeclareForm as DeclareFormClient } from "./declare-form.client";
import { LinkPersonForm as LinkPersonFormClient } from "./link-person-form.client";
import { RubricForm as RubricFormClient } from "./rubric-form.client";
import { SheetForm as SheetFormClient } from "./sheet-form.client";

// The client forms with the messages they render (src/i18n/with-messages.tsx).
export const RubricForm = withMessages(RubricFormClient, ["evaluations", "common", "errors", "validation"]);
export const AssignForm = withMessages(AssignFormClient, ["evaluations", "enums", "common", "errors", "validation"]);
export const AddScorerForm = withMessages(AddScorerFormClient, ["evaluations", "common", "errors", "validation"]);
export const DeclareForm = withMessages(DeclareFormClient, ["evaluations", "common", "errors", "validation"]);
export const SheetForm = withMessages(SheetFormClient, ["evaluations", "common", "errors", "validation"]);
export const LinkPersonForm = withMessages(LinkPersonFormClient, ["evaluations", "common", "errors", "validation", "notices"]);
