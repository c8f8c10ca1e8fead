// Badge tones of an evaluation's status and grade.

export const OUTCOME_STATUS_TONE = {
  ASSIGNED: "slate",
  SCORING: "blue",
  SCORED: "amber",
  PUBLISHED: "blue",
  UNDER_APPEAL: "amber",
  FINAL: "green",
  CANCELLED: "slate",
} as const;

export const GRADE_TONE = { EXCELLENT: "green", GOOD: "green", PASS: "blue", FAIL: "red" } as const;
