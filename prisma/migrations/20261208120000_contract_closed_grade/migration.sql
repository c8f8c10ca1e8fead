-- Issue 14: a contract's close records the grade of its final evaluation.
-- AlterTable
ALTER TABLE "Contract" ADD COLUMN "closedGrade" "Grade";
