-- Training, funds, exam sittings, rotation lists and supervision (issue 12: plan.md G2, T2, T7, S2).

-- CreateEnum
CREATE TYPE "TrainingScope" AS ENUM ('THEORY', 'PRACTICE', 'EXAM_PREPARATION');

-- CreateEnum
CREATE TYPE "TrainingKind" AS ENUM ('PROFESSIONAL', 'ROTATION', 'SEMINAR', 'EXAM_PREPARATION', 'INDUCTION');

-- CreateEnum
CREATE TYPE "TrainingStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CANCELLED', 'CLOSED');

-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('ENROLLED', 'WAITLISTED', 'WITHDRAWN', 'COMPLETED', 'NOT_COMPLETED');

-- CreateEnum
CREATE TYPE "BudgetLineKind" AS ENUM ('TRAINING_SUBSIDY', 'PURCHASED_SERVICES', 'OTHER');

-- CreateEnum
CREATE TYPE "FundEntryKind" AS ENUM ('COMMITMENT', 'RELEASE', 'SPENDING');

-- CreateEnum
CREATE TYPE "ExamResult" AS ENUM ('PASSED', 'FAILED');

-- CreateEnum
CREATE TYPE "ExamSource" AS ENUM ('SELF', 'OFFICIAL');

-- CreateEnum
CREATE TYPE "SupervisionSessionStatus" AS ENUM ('LOGGED', 'CONFIRMED', 'DISPUTED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'TRAINING_PROVIDER';

-- AlterTable
ALTER TABLE "PlanTarget" ADD COLUMN     "civilServantDeadlineIncludesPublicInstitutions" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "civilServantDeadlineYears" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "civilServantDueDays" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "rotationCoverageYears" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "supervisionConfirmDays" INTEGER NOT NULL DEFAULT 14,
ADD COLUMN     "supervisorMaxSupervisees" INTEGER NOT NULL DEFAULT 8,
ADD COLUMN     "supervisorMinLevel" "QualificationLevel" NOT NULL DEFAULT 'SOCIAL_WORKER',
ADD COLUMN     "supervisorMinYears" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "trainingCompletionPercent" INTEGER NOT NULL DEFAULT 80;

-- CreateTable
CREATE TABLE "ProviderApproval" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "scopes" "TrainingScope"[],
    "validFrom" DATE NOT NULL,
    "validTo" DATE NOT NULL,
    "approvedById" TEXT,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProviderApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Training" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "TrainingKind" NOT NULL,
    "scope" "TrainingScope" NOT NULL,
    "title" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "venue" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "lengthHalfHours" INTEGER NOT NULL,
    "cpdHalfHours" INTEGER NOT NULL,
    "completionPercent" INTEGER NOT NULL,
    "audienceDepartmentTypes" "DepartmentType"[],
    "audienceRegionIds" TEXT[],
    "audienceOrganizationKinds" "OrganizationKind"[],
    "audienceLevels" "QualificationLevel"[],
    "costFen" INTEGER NOT NULL DEFAULT 0,
    "subsidyFen" INTEGER NOT NULL DEFAULT 0,
    "budgetLineId" TEXT,
    "status" "TrainingStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Training_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSession" (
    "id" TEXT NOT NULL,
    "trainingId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "startsAt" TEXT NOT NULL,
    "halfHours" INTEGER NOT NULL,
    "topic" TEXT NOT NULL,

    CONSTRAINT "TrainingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingEnrolment" (
    "id" TEXT NOT NULL,
    "trainingId" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "status" "EnrolmentStatus" NOT NULL,
    "waitlistPosition" INTEGER,
    "enrolledById" TEXT,
    "enrolledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingEnrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingAttendance" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "present" BOOLEAN NOT NULL,
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fund" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Fund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "kind" "BudgetLineKind" NOT NULL,
    "name" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundEntry" (
    "id" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "kind" "FundEntryKind" NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "sourceRef" TEXT,
    "note" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FundEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExamSitting" (
    "id" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "level" "QualificationLevel" NOT NULL,
    "result" "ExamResult" NOT NULL,
    "source" "ExamSource" NOT NULL,
    "enteredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExamSitting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RotationListEntry" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "addedById" TEXT,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RotationListEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisorApproval" (
    "id" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "SupervisorApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Supervision" (
    "id" TEXT NOT NULL,
    "supervisorId" TEXT NOT NULL,
    "superviseeId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Supervision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionSession" (
    "id" TEXT NOT NULL,
    "supervisionId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "halfHours" INTEGER NOT NULL,
    "topic" TEXT NOT NULL,
    "status" "SupervisionSessionStatus" NOT NULL DEFAULT 'LOGGED',
    "reason" TEXT,
    "loggedById" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisionSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProviderApproval_organizationId_validTo_idx" ON "ProviderApproval"("organizationId", "validTo");

-- CreateIndex
CREATE UNIQUE INDEX "Training_reference_key" ON "Training"("reference");

-- CreateIndex
CREATE INDEX "Training_providerId_startDate_idx" ON "Training"("providerId", "startDate");

-- CreateIndex
CREATE INDEX "Training_kind_startDate_idx" ON "Training"("kind", "startDate");

-- CreateIndex
CREATE INDEX "Training_status_startDate_idx" ON "Training"("status", "startDate");

-- CreateIndex
CREATE INDEX "TrainingSession_trainingId_date_idx" ON "TrainingSession"("trainingId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingSession_trainingId_number_key" ON "TrainingSession"("trainingId", "number");

-- CreateIndex
CREATE INDEX "TrainingEnrolment_trainingId_status_waitlistPosition_idx" ON "TrainingEnrolment"("trainingId", "status", "waitlistPosition");

-- CreateIndex
CREATE INDEX "TrainingEnrolment_practitionerId_status_idx" ON "TrainingEnrolment"("practitionerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingEnrolment_trainingId_practitionerId_key" ON "TrainingEnrolment"("trainingId", "practitionerId");

-- CreateIndex
CREATE INDEX "TrainingAttendance_enrolmentId_idx" ON "TrainingAttendance"("enrolmentId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingAttendance_sessionId_enrolmentId_key" ON "TrainingAttendance"("sessionId", "enrolmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Fund_year_name_key" ON "Fund"("year", "name");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetLine_fundId_kind_name_key" ON "BudgetLine"("fundId", "kind", "name");

-- CreateIndex
CREATE UNIQUE INDEX "FundEntry_sourceRef_key" ON "FundEntry"("sourceRef");

-- CreateIndex
CREATE INDEX "FundEntry_lineId_kind_idx" ON "FundEntry"("lineId", "kind");

-- CreateIndex
CREATE INDEX "ExamSitting_year_level_result_idx" ON "ExamSitting"("year", "level", "result");

-- CreateIndex
CREATE UNIQUE INDEX "ExamSitting_practitionerId_year_level_key" ON "ExamSitting"("practitionerId", "year", "level");

-- CreateIndex
CREATE INDEX "RotationListEntry_practitionerId_idx" ON "RotationListEntry"("practitionerId");

-- CreateIndex
CREATE UNIQUE INDEX "RotationListEntry_organizationId_practitionerId_key" ON "RotationListEntry"("organizationId", "practitionerId");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisorApproval_practitionerId_key" ON "SupervisorApproval"("practitionerId");

-- CreateIndex
CREATE INDEX "Supervision_supervisorId_endDate_idx" ON "Supervision"("supervisorId", "endDate");

-- CreateIndex
CREATE INDEX "Supervision_superviseeId_endDate_idx" ON "Supervision"("superviseeId", "endDate");

-- CreateIndex
CREATE INDEX "SupervisionSession_supervisionId_date_idx" ON "SupervisionSession"("supervisionId", "date");

-- CreateIndex
CREATE INDEX "SupervisionSession_status_createdAt_idx" ON "SupervisionSession"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "ProviderApproval" ADD CONSTRAINT "ProviderApproval_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Training" ADD CONSTRAINT "Training_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Training" ADD CONSTRAINT "Training_budgetLineId_fkey" FOREIGN KEY ("budgetLineId") REFERENCES "BudgetLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_trainingId_fkey" FOREIGN KEY ("trainingId") REFERENCES "Training"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingEnrolment" ADD CONSTRAINT "TrainingEnrolment_trainingId_fkey" FOREIGN KEY ("trainingId") REFERENCES "Training"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingEnrolment" ADD CONSTRAINT "TrainingEnrolment_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "TrainingEnrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundEntry" ADD CONSTRAINT "FundEntry_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "BudgetLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamSitting" ADD CONSTRAINT "ExamSitting_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RotationListEntry" ADD CONSTRAINT "RotationListEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RotationListEntry" ADD CONSTRAINT "RotationListEntry_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisorApproval" ADD CONSTRAINT "SupervisorApproval_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Practitioner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_superviseeId_fkey" FOREIGN KEY ("superviseeId") REFERENCES "Practitioner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionSession" ADD CONSTRAINT "SupervisionSession_supervisionId_fkey" FOREIGN KEY ("supervisionId") REFERENCES "Supervision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Guards the domain rules also check, so no path can write nonsense.
ALTER TABLE "Training" ADD CONSTRAINT "Training_dates_check" CHECK ("endDate" >= "startDate");
ALTER TABLE "Training" ADD CONSTRAINT "Training_capacity_check" CHECK ("capacity" > 0);
ALTER TABLE "Training" ADD CONSTRAINT "Training_hours_check" CHECK ("lengthHalfHours" > 0 AND "cpdHalfHours" >= 0 AND "cpdHalfHours" <= "lengthHalfHours");
ALTER TABLE "Training" ADD CONSTRAINT "Training_money_check" CHECK ("costFen" >= 0 AND "subsidyFen" >= 0 AND "subsidyFen" <= "costFen");
ALTER TABLE "Training" ADD CONSTRAINT "Training_completion_check" CHECK ("completionPercent" BETWEEN 1 AND 100);
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_hours_check" CHECK ("halfHours" > 0);
ALTER TABLE "ProviderApproval" ADD CONSTRAINT "ProviderApproval_dates_check" CHECK ("validTo" >= "validFrom");
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_amount_check" CHECK ("amountFen" >= 0);
ALTER TABLE "FundEntry" ADD CONSTRAINT "FundEntry_amount_check" CHECK ("amountFen" > 0);
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_not_self_check" CHECK ("supervisorId" <> "superviseeId");
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_dates_check" CHECK ("endDate" IS NULL OR "endDate" > "startDate");
ALTER TABLE "SupervisionSession" ADD CONSTRAINT "SupervisionSession_hours_check" CHECK ("halfHours" > 0);
-- One open pair per supervisor and supervisee.
CREATE UNIQUE INDEX "Supervision_open_pair_key" ON "Supervision" ("supervisorId", "superviseeId") WHERE "endDate" IS NULL;
-- A waiting-list position is unique within a programme.
CREATE UNIQUE INDEX "TrainingEnrolment_waitlist_key" ON "TrainingEnrolment" ("trainingId", "waitlistPosition") WHERE "waitlistPosition" IS NOT NULL;
