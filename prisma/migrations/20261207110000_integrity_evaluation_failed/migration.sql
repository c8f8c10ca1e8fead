-- Issue 13: an agency graded "fail" (不合格) in a third-party evaluation may not take part in calls
-- for PlanTarget.failedEvaluationBarDays (default a year). The record lives in the integrity file.
-- AlterEnum
ALTER TYPE "IntegrityKind" ADD VALUE 'EVALUATION_FAILED';
