-- Exam-sitting imports (issue 12, G2) are made by officials, who have no organisation of their own:
-- an import job may have no organisation, and a district officer's keeps their district's path.
-- AlterTable
ALTER TABLE "ImportJob" ALTER COLUMN "organizationId" DROP NOT NULL,
ADD COLUMN     "regionPath" TEXT;
