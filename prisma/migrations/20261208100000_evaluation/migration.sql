-- Third-party evaluation (issue 14; plan.md T7): versioned rubrics, evaluations of projects, agencies
-- and people assigned to an evaluation body, their panels with recusal, scores 0–100, appeals, the
-- city's working-day calendar, and spot-check draws with a stored seed; the city's settings for grade
-- bands, the score→rating table, the rating's validity, the appeal window, panel size, the recusal
-- period and the spot-check share; a rating's validity and source evaluation; an evaluator's own entry
-- in the register (User.personPractitionerId) for recusal by employment history.
/*
  Warnings:

  - A unique constraint covering the columns `[evaluationId]` on the table `AgencyRating` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "EvaluationKind" AS ENUM ('PROJECT_MIDTERM', 'PROJECT_FINAL', 'AGENCY_GRADING', 'PERSONAL_APPRAISAL');

-- CreateEnum
CREATE TYPE "EvaluationStatus" AS ENUM ('ASSIGNED', 'SCORING', 'SCORED', 'PUBLISHED', 'UNDER_APPEAL', 'FINAL', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Grade" AS ENUM ('EXCELLENT', 'GOOD', 'PASS', 'FAIL');

-- CreateEnum
CREATE TYPE "RecusalReason" AS ENUM ('EMPLOYMENT', 'DECLARED');

-- CreateEnum
CREATE TYPE "AppealDecision" AS ENUM ('UPHELD', 'DISMISSED');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateEnum
CREATE TYPE "SpotCheckStatus" AS ENUM ('PENDING', 'PASSED', 'FAILED');

-- AlterTable
ALTER TABLE "AgencyRating" ADD COLUMN     "evaluationId" TEXT,
ADD COLUMN     "validUntil" DATE;

-- AlterTable
ALTER TABLE "PlanTarget" ADD COLUMN     "appealWorkingDays" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "evaluationMinScorers" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "gradeExcellentMin" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "gradeGoodMin" INTEGER NOT NULL DEFAULT 80,
ADD COLUMN     "gradePassMin" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "rating2AMin" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "rating3AMin" INTEGER NOT NULL DEFAULT 70,
ADD COLUMN     "rating4AMin" INTEGER NOT NULL DEFAULT 80,
ADD COLUMN     "rating5AMin" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "ratingValidityYears" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "recusalYears" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "spotCheckPercent" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "personPractitionerId" TEXT;

-- CreateTable
CREATE TABLE "Rubric" (
    "id" TEXT NOT NULL,
    "kind" "EvaluationKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "activeFrom" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rubric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RubricCriterion" (
    "id" TEXT NOT NULL,
    "rubricId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "descriptor" TEXT NOT NULL,

    CONSTRAINT "RubricCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "EvaluationKind" NOT NULL,
    "rubricId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "contractId" TEXT,
    "organizationId" TEXT,
    "practitionerId" TEXT,
    "track" "TalentTrack",
    "year" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "EvaluationStatus" NOT NULL DEFAULT 'ASSIGNED',
    "scoreHundredths" INTEGER,
    "spreadHundredths" INTEGER,
    "grade" "Grade",
    "report" TEXT,
    "reportFileId" TEXT,
    "publishedAt" TIMESTAMP(3),
    "appealDeadline" DATE,
    "finalAt" TIMESTAMP(3),
    "assignedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationScorer" (
    "id" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "recusedAt" TIMESTAMP(3),
    "recusalReason" "RecusalReason",
    "recusalNote" TEXT,
    "declaredAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationScorer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationScore" (
    "id" TEXT NOT NULL,
    "scorerId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluationScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appeal" (
    "id" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "filedById" TEXT,
    "decision" "AppealDecision",
    "decisionReason" TEXT,
    "revisedScoreHundredths" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkCalendarDay" (
    "day" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkCalendarDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "SpotCheckDraw" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "percent" INTEGER NOT NULL,
    "seed" TEXT NOT NULL,
    "populationCount" INTEGER NOT NULL,
    "sampleCount" INTEGER NOT NULL,
    "bodyId" TEXT NOT NULL,
    "drawnById" TEXT,
    "drawnAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpotCheckDraw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpotCheckItem" (
    "id" TEXT NOT NULL,
    "drawId" TEXT NOT NULL,
    "milestoneId" TEXT NOT NULL,
    "status" "SpotCheckStatus" NOT NULL DEFAULT 'PENDING',
    "note" TEXT,
    "checkedById" TEXT,
    "checkedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SpotCheckItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Rubric_kind_version_key" ON "Rubric"("kind", "version");

-- CreateIndex
CREATE UNIQUE INDEX "RubricCriterion_rubricId_number_key" ON "RubricCriterion"("rubricId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_reference_key" ON "Evaluation"("reference");

-- CreateIndex
CREATE INDEX "Evaluation_bodyId_status_idx" ON "Evaluation"("bodyId", "status");

-- CreateIndex
CREATE INDEX "Evaluation_organizationId_idx" ON "Evaluation"("organizationId");

-- CreateIndex
CREATE INDEX "Evaluation_contractId_idx" ON "Evaluation"("contractId");

-- CreateIndex
CREATE INDEX "Evaluation_status_dueDate_idx" ON "Evaluation"("status", "dueDate");

-- CreateIndex
CREATE INDEX "EvaluationScorer_userId_idx" ON "EvaluationScorer"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationScorer_evaluationId_userId_key" ON "EvaluationScorer"("evaluationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationScore_scorerId_criterionId_key" ON "EvaluationScore"("scorerId", "criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "Appeal_evaluationId_key" ON "Appeal"("evaluationId");

-- CreateIndex
CREATE UNIQUE INDEX "SpotCheckDraw_reference_key" ON "SpotCheckDraw"("reference");

-- CreateIndex
CREATE INDEX "SpotCheckItem_milestoneId_idx" ON "SpotCheckItem"("milestoneId");

-- CreateIndex
CREATE UNIQUE INDEX "SpotCheckItem_drawId_milestoneId_key" ON "SpotCheckItem"("drawId", "milestoneId");

-- CreateIndex
CREATE UNIQUE INDEX "AgencyRating_evaluationId_key" ON "AgencyRating"("evaluationId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_personPractitionerId_fkey" FOREIGN KEY ("personPractitionerId") REFERENCES "Practitioner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyRating" ADD CONSTRAINT "AgencyRating_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RubricCriterion" ADD CONSTRAINT "RubricCriterion_rubricId_fkey" FOREIGN KEY ("rubricId") REFERENCES "Rubric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_rubricId_fkey" FOREIGN KEY ("rubricId") REFERENCES "Rubric"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationScorer" ADD CONSTRAINT "EvaluationScorer_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationScorer" ADD CONSTRAINT "EvaluationScorer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationScore" ADD CONSTRAINT "EvaluationScore_scorerId_fkey" FOREIGN KEY ("scorerId") REFERENCES "EvaluationScorer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationScore" ADD CONSTRAINT "EvaluationScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "RubricCriterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotCheckDraw" ADD CONSTRAINT "SpotCheckDraw_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotCheckItem" ADD CONSTRAINT "SpotCheckItem_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "SpotCheckDraw"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotCheckItem" ADD CONSTRAINT "SpotCheckItem_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
