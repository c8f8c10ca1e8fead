-- Purchased services (issue 13; plan.md T5, S2, S3): calls with weighted criteria and scoring panels
-- (a new role EXPERT), proposals with budget lines and named staff, scores, contracts with named staff
-- and milestones, disbursements (a second approval above the city's threshold), contributions to the
-- special fund, and the budget lines' new kinds. Money in integer fen (BigInt).
-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "ServiceProjectType" AS ENUM ('ELDER_CARE', 'WELFARE_INSTITUTION', 'COMMUNITY', 'JUDICIAL_ASSISTANCE', 'FAMILY_PLANNING', 'BEHAVIOUR_CORRECTION', 'OTHER');

-- CreateEnum
CREATE TYPE "ServiceCallStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED', 'SELECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PanelMemberKind" AS ENUM ('OFFICIAL', 'EXPERT');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('SUBMITTED', 'WITHDRAWN', 'INELIGIBLE', 'SELECTED', 'NOT_SELECTED');

-- CreateEnum
CREATE TYPE "ContractStatus" AS ENUM ('ACTIVE', 'CLOSED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('PENDING', 'REPORTED', 'ACCEPTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "DisbursementStatus" AS ENUM ('REQUESTED', 'PAID', 'REFUSED');

-- CreateEnum
CREATE TYPE "ContributionSource" AS ENUM ('ENTERPRISE', 'CHARITY');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "BudgetLineKind" ADD VALUE 'TALENT_AWARDS';
ALTER TYPE "BudgetLineKind" ADD VALUE 'NEW_AGENCY_SUPPORT';
ALTER TYPE "BudgetLineKind" ADD VALUE 'CONTRIBUTIONS';

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'EXPERT';

-- AlterTable
ALTER TABLE "PlanTarget" ADD COLUMN     "disbursementApprovalFen" BIGINT NOT NULL DEFAULT 10000000,
ADD COLUMN     "failedEvaluationBarDays" INTEGER NOT NULL DEFAULT 365;

-- CreateTable
CREATE TABLE "ServiceCall" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "type" "ServiceProjectType" NOT NULL,
    "practiceField" "PracticeField" NOT NULL,
    "targetGroups" "TargetGroup"[],
    "departmentId" TEXT,
    "regionId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "budgetFen" BIGINT NOT NULL,
    "budgetLineId" TEXT,
    "termStart" DATE NOT NULL,
    "termEnd" DATE NOT NULL,
    "minQualifiedStaff" INTEGER NOT NULL DEFAULT 1,
    "minQualifiedPercent" INTEGER NOT NULL DEFAULT 0,
    "minRating" "AgencyRatingLevel",
    "deadline" TIMESTAMP(3) NOT NULL,
    "status" "ServiceCallStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "selectedProposalId" TEXT,
    "selectionReason" TEXT,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallCriterion" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "maxScore" INTEGER NOT NULL DEFAULT 100,

    CONSTRAINT "CallCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelMember" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "PanelMemberKind" NOT NULL,
    "declaredAt" TIMESTAMP(3),
    "conflict" BOOLEAN NOT NULL DEFAULT false,
    "conflictNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PanelMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "narrative" TEXT NOT NULL,
    "totalFen" BIGINT NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'SUBMITTED',
    "eligibility" JSONB,
    "submittedById" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalBudgetLine" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,

    CONSTRAINT "ProposalBudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalStaff" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,

    CONSTRAINT "ProposalStaff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Score" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "panelMemberId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Score_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "valueFen" BIGINT NOT NULL,
    "termStart" DATE NOT NULL,
    "termEnd" DATE NOT NULL,
    "minQualifiedStaff" INTEGER NOT NULL,
    "minQualifiedPercent" INTEGER NOT NULL,
    "budgetLineId" TEXT NOT NULL,
    "status" "ContractStatus" NOT NULL DEFAULT 'ACTIVE',
    "closedOn" DATE,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractStaff" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "from" DATE NOT NULL,
    "to" DATE,

    CONSTRAINT "ContractStaff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "deliverable" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "status" "MilestoneStatus" NOT NULL DEFAULT 'PENDING',
    "reportNote" TEXT,
    "reportFileKey" TEXT,
    "reportedAt" TIMESTAMP(3),
    "reportedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "returnReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Disbursement" (
    "id" TEXT NOT NULL,
    "milestoneId" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "status" "DisbursementStatus" NOT NULL DEFAULT 'REQUESTED',
    "requestedById" TEXT NOT NULL,
    "approvedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Disbursement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contribution" (
    "id" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "source" "ContributionSource" NOT NULL,
    "donor" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "restrictions" TEXT,
    "receivedOn" DATE NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contribution_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceCall_reference_key" ON "ServiceCall"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceCall_selectedProposalId_key" ON "ServiceCall"("selectedProposalId");

-- CreateIndex
CREATE INDEX "ServiceCall_status_deadline_idx" ON "ServiceCall"("status", "deadline");

-- CreateIndex
CREATE INDEX "ServiceCall_regionPath_idx" ON "ServiceCall"("regionPath");

-- CreateIndex
CREATE INDEX "ServiceCall_departmentId_idx" ON "ServiceCall"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "CallCriterion_callId_number_key" ON "CallCriterion"("callId", "number");

-- CreateIndex
CREATE INDEX "PanelMember_userId_idx" ON "PanelMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PanelMember_callId_userId_key" ON "PanelMember"("callId", "userId");

-- CreateIndex
CREATE INDEX "Proposal_organizationId_idx" ON "Proposal"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_callId_organizationId_key" ON "Proposal"("callId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalBudgetLine_proposalId_number_key" ON "ProposalBudgetLine"("proposalId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalStaff_proposalId_practitionerId_key" ON "ProposalStaff"("proposalId", "practitionerId");

-- CreateIndex
CREATE UNIQUE INDEX "Score_proposalId_panelMemberId_criterionId_key" ON "Score"("proposalId", "panelMemberId", "criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_reference_key" ON "Contract"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_callId_key" ON "Contract"("callId");

-- CreateIndex
CREATE INDEX "Contract_organizationId_idx" ON "Contract"("organizationId");

-- CreateIndex
CREATE INDEX "Contract_status_idx" ON "Contract"("status");

-- CreateIndex
CREATE INDEX "ContractStaff_contractId_to_idx" ON "ContractStaff"("contractId", "to");

-- CreateIndex
CREATE INDEX "ContractStaff_practitionerId_idx" ON "ContractStaff"("practitionerId");

-- CreateIndex
CREATE INDEX "Milestone_status_dueDate_idx" ON "Milestone"("status", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_contractId_number_key" ON "Milestone"("contractId", "number");

-- CreateIndex
CREATE INDEX "Disbursement_milestoneId_idx" ON "Disbursement"("milestoneId");

-- CreateIndex
CREATE INDEX "Contribution_lineId_idx" ON "Contribution"("lineId");

-- AddForeignKey
ALTER TABLE "ServiceCall" ADD CONSTRAINT "ServiceCall_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceCall" ADD CONSTRAINT "ServiceCall_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceCall" ADD CONSTRAINT "ServiceCall_budgetLineId_fkey" FOREIGN KEY ("budgetLineId") REFERENCES "BudgetLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallCriterion" ADD CONSTRAINT "CallCriterion_callId_fkey" FOREIGN KEY ("callId") REFERENCES "ServiceCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelMember" ADD CONSTRAINT "PanelMember_callId_fkey" FOREIGN KEY ("callId") REFERENCES "ServiceCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelMember" ADD CONSTRAINT "PanelMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_callId_fkey" FOREIGN KEY ("callId") REFERENCES "ServiceCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalBudgetLine" ADD CONSTRAINT "ProposalBudgetLine_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalStaff" ADD CONSTRAINT "ProposalStaff_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalStaff" ADD CONSTRAINT "ProposalStaff_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_panelMemberId_fkey" FOREIGN KEY ("panelMemberId") REFERENCES "PanelMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "CallCriterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_callId_fkey" FOREIGN KEY ("callId") REFERENCES "ServiceCall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_budgetLineId_fkey" FOREIGN KEY ("budgetLineId") REFERENCES "BudgetLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractStaff" ADD CONSTRAINT "ContractStaff_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractStaff" ADD CONSTRAINT "ContractStaff_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disbursement" ADD CONSTRAINT "Disbursement_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "BudgetLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
