// Codes the report, its publication, the appeal, the decision and the finalisation refuse with:
// full keys in the "evaluationOutcome" namespace.

export type TEvaluationOutcomeErrorCode = `evaluationOutcome.errors.${
  | "notScored"
  | "notPublished"
  | "windowClosed"
  | "windowOpen"
  | "alreadyAppealed"
  | "notUnderAppeal"
  | "noAgency"}`;

export type TEvaluationOutcomeFieldErrorCode = `evaluationOutcome.validation.${"reportRequired" | "reasonRequired" | "decisionReasonRequired" | "revisedScoreRequired" | "revisedScoreInvalid"}`;
