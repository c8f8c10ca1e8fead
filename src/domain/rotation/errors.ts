// Codes the rotation list and the cohort builder refuse with: full keys in the "rotation" namespace.

export type TRotationErrorCode = `rotation.errors.${
  | "notDepartment"
  | "outOfScope"
  | "notOnList"
  | "notRotation"
  | "notOpen"
  | "entryNotFound"}`;

export type TRotationFieldErrorCode = `rotation.validation.${"nobodyChosen" | "tooMany" | "cohortSize"}`;
