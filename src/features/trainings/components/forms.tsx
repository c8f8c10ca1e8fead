import { withMessages } from "@/i18n/with-messages";
import { TrainingForm as TrainingFormClient } from "./training-form.client";
import { SessionForm as SessionFormClient } from "./session-form.client";
import { EnrolForm as EnrolFormClient } from "./enrol-form.client";
import { ApprovalForm as ApprovalFormClient } from "./approval-form.client";
import { RevokeApproval as RevokeApprovalClient } from "./revoke-approval.client";
import { AttendanceSheet as AttendanceSheetClient } from "./attendance-sheet.client";

// The client forms with the messages they render (src/i18n/with-messages.tsx).
export const TrainingForm = withMessages(TrainingFormClient, ["trainings", "common", "errors", "validation", "departmentTypes", "orgKinds", "enums.qualificationLevel"]);
export const SessionForm = withMessages(SessionFormClient, ["trainings.sessions", "trainings.validation", "trainings.errors", "trainings.notices", "common", "errors", "validation"]);
export const EnrolForm = withMessages(EnrolFormClient, ["trainings.enrol", "trainings.validation", "trainings.errors", "trainings.notices", "common", "errors", "validation"]);
export const ApprovalForm = withMessages(ApprovalFormClient, ["trainings.providers", "trainings.scopes", "trainings.validation", "trainings.errors", "trainings.notices", "common", "errors", "validation"]);
export const RevokeApproval = withMessages(RevokeApprovalClient, ["trainings.providers", "trainings.validation", "trainings.errors", "trainings.notices", "common", "errors", "validation"]);
export const AttendanceSheet = withMessages(AttendanceSheetClient, ["trainings.attendance", "trainings.validation", "trainings.errors", "trainings.notices", "common", "errors"]);
