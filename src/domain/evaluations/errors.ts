// Codes the rubrics, assignment, panel and scoring refuse with: full keys in the "evaluations" namespace.

export type TEvaluationsErrorCode = `evaluations.errors.${
  | "notFound"
  | "rubricNotFound"
  | "noRubric"
  | "rubricRetired"
  | "bodyNotFound"
  | "targetNotFound"
  | "scorerNotOfBody"
  | "alreadyOnPanel"
  | "panelClosed"
  | "notOnPanel"
  | "recused"
  | "alreadySubmitted"
  | "userNotEvaluator"
  | "personNotFound"}`;

export type TEvaluationsFieldErrorCode = `evaluations.validation.${
  | "weightsSum"
  | "criteriaRequired"
  | "criteriaTooMany"
  | "scoreRange"
  | "scoreInteger"
  | "scoreMissing"
  | "noteRequired"
  | "scorersRequired"
  | "scorerNotOfBody"
  | "contractRequired"
  | "agencyRequired"
  | "practitionerRequired"
  | "trackRequired"
  | "idNumber"}`;
