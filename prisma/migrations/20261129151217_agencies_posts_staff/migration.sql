-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "AgencyStatus" AS ENUM ('PENDING', 'ACTIVE', 'SUSPENDED', 'REVOKED');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DISTRICT_REVIEW', 'CITY_REVIEW', 'RETURNED', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ApplicationDecision" AS ENUM ('SUBMITTED', 'AMENDED', 'APPROVED', 'REJECTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "IntegrityKind" AS ENUM ('COMMENDATION', 'WARNING', 'VIOLATION', 'ABNORMAL_LIST', 'BLACKLIST');

-- CreateEnum
CREATE TYPE "AgencyRatingLevel" AS ENUM ('A1', 'A2', 'A3', 'A4', 'A5');

-- CreateEnum
CREATE TYPE "MemberType" AS ENUM ('AGENCY', 'PRACTITIONER');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'ENDED');

-- CreateEnum
CREATE TYPE "PostKind" AS ENUM ('DEPARTMENT', 'RATIO');

-- CreateEnum
CREATE TYPE "RatioBasis" AS ENUM ('BEDS', 'STUDENTS', 'PATIENTS', 'RESIDENTS');

-- CreateEnum
CREATE TYPE "EmploymentEnd" AS ENUM ('LEFT', 'MOVED');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PREVIEW', 'QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ImportRowStatus" AS ENUM ('INVALID', 'PENDING', 'DONE');

-- CreateEnum
CREATE TYPE "ImportOutcome" AS ENUM ('CREATED', 'UPDATED', 'UNCHANGED');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "address" TEXT,
ADD COLUMN     "agencyStatus" "AgencyStatus",
ADD COLUMN     "agencyStatusSince" DATE,
ADD COLUMN     "contactEmail" TEXT,
ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "contactPhone" TEXT,
ADD COLUMN     "foundedOn" DATE,
ADD COLUMN     "isPrivate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "legalRepresentative" TEXT,
ADD COLUMN     "rating" "AgencyRatingLevel",
ADD COLUMN     "ratingDate" DATE,
ADD COLUMN     "serviceAreas" "PracticeField"[],
ADD COLUMN     "targetGroups" "TargetGroup"[];

-- CreateTable
CREATE TABLE "AgencyStatusChange" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "status" "AgencyStatus" NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "reason" TEXT,
    "actorId" TEXT,
    "actorName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgencyStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencyApplication" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DISTRICT_REVIEW',
    "returnedFrom" "ApplicationStatus",
    "name" TEXT NOT NULL,
    "creditCode" TEXT NOT NULL,
    "legalRepresentative" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "foundedOn" DATE NOT NULL,
    "isPrivate" BOOLEAN NOT NULL DEFAULT true,
    "serviceAreas" "PracticeField"[],
    "targetGroups" "TargetGroup"[],
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "locale" "Locale",
    "certificateFileId" TEXT,
    "amendTokenHash" TEXT,
    "amendTokenExpiresAt" TIMESTAMP(3),
    "organizationId" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgencyApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencyApplicationEvent" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "step" "ApplicationStatus" NOT NULL,
    "decision" "ApplicationDecision" NOT NULL,
    "reason" TEXT,
    "actorId" TEXT,
    "actorName" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgencyApplicationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrityRecord" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" "IntegrityKind" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "endsOn" DATE,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntegrityRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencyRating" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "rating" "AgencyRatingLevel" NOT NULL,
    "ratedOn" DATE NOT NULL,
    "source" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgencyRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssociationMembership" (
    "id" TEXT NOT NULL,
    "memberType" "MemberType" NOT NULL,
    "organizationId" TEXT,
    "practitionerId" TEXT,
    "memberNumber" TEXT NOT NULL,
    "joinedOn" DATE NOT NULL,
    "status" "MembershipStatus" NOT NULL DEFAULT 'ACTIVE',
    "endedOn" DATE,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssociationMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Post" (
    "id" TEXT NOT NULL,
    "kind" "PostKind" NOT NULL,
    "title" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "regionPath" TEXT NOT NULL,
    "practiceField" "PracticeField" NOT NULL,
    "headcount" INTEGER,
    "ratioBasis" "RatioBasis",
    "basisCount" INTEGER,
    "ratioPerWorker" INTEGER,
    "requiredHeadcount" INTEGER NOT NULL,
    "requiredQualification" "QualificationLevel" NOT NULL DEFAULT 'ASSISTANT_SOCIAL_WORKER',
    "description" TEXT,
    "closedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostAssignment" (
    "id" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "from" DATE NOT NULL,
    "to" DATE,
    "note" TEXT,
    "createdById" TEXT,
    "endedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PostAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmploymentRecord" (
    "id" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "from" DATE NOT NULL,
    "to" DATE,
    "endReason" "EmploymentEnd",
    "note" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmploymentRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "fileId" TEXT,
    "originalName" TEXT NOT NULL,
    "locale" "Locale",
    "status" "ImportStatus" NOT NULL DEFAULT 'PREVIEW',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "errorRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "unchangedCount" INTEGER NOT NULL DEFAULT 0,
    "failureMessage" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "id" BIGSERIAL NOT NULL,
    "jobId" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "status" "ImportRowStatus" NOT NULL,
    "data" JSONB,
    "errors" JSONB,
    "outcome" "ImportOutcome",
    "practitionerId" TEXT,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AgencyStatusChange_organizationId_effectiveFrom_idx" ON "AgencyStatusChange"("organizationId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "AgencyApplication_reference_key" ON "AgencyApplication"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "AgencyApplication_certificateFileId_key" ON "AgencyApplication"("certificateFileId");

-- CreateIndex
CREATE UNIQUE INDEX "AgencyApplication_amendTokenHash_key" ON "AgencyApplication"("amendTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "AgencyApplication_organizationId_key" ON "AgencyApplication"("organizationId");

-- CreateIndex
CREATE INDEX "AgencyApplication_status_regionPath_idx" ON "AgencyApplication"("status", "regionPath");

-- CreateIndex
CREATE INDEX "AgencyApplication_creditCode_idx" ON "AgencyApplication"("creditCode");

-- CreateIndex
CREATE INDEX "AgencyApplication_submittedAt_idx" ON "AgencyApplication"("submittedAt");

-- CreateIndex
CREATE INDEX "AgencyApplicationEvent_applicationId_at_idx" ON "AgencyApplicationEvent"("applicationId", "at");

-- CreateIndex
CREATE INDEX "IntegrityRecord_organizationId_occurredOn_idx" ON "IntegrityRecord"("organizationId", "occurredOn");

-- CreateIndex
CREATE INDEX "IntegrityRecord_kind_endsOn_idx" ON "IntegrityRecord"("kind", "endsOn");

-- CreateIndex
CREATE INDEX "AgencyRating_organizationId_ratedOn_idx" ON "AgencyRating"("organizationId", "ratedOn");

-- CreateIndex
CREATE UNIQUE INDEX "AssociationMembership_memberNumber_key" ON "AssociationMembership"("memberNumber");

-- CreateIndex
CREATE INDEX "AssociationMembership_memberType_status_idx" ON "AssociationMembership"("memberType", "status");

-- CreateIndex
CREATE INDEX "AssociationMembership_organizationId_idx" ON "AssociationMembership"("organizationId");

-- CreateIndex
CREATE INDEX "AssociationMembership_practitionerId_idx" ON "AssociationMembership"("practitionerId");

-- CreateIndex
CREATE INDEX "Post_organizationId_idx" ON "Post"("organizationId");

-- CreateIndex
CREATE INDEX "Post_regionPath_idx" ON "Post"("regionPath");

-- CreateIndex
CREATE INDEX "Post_practiceField_idx" ON "Post"("practiceField");

-- CreateIndex
CREATE INDEX "PostAssignment_postId_to_idx" ON "PostAssignment"("postId", "to");

-- CreateIndex
CREATE INDEX "PostAssignment_practitionerId_idx" ON "PostAssignment"("practitionerId");

-- CreateIndex
CREATE INDEX "EmploymentRecord_practitionerId_from_idx" ON "EmploymentRecord"("practitionerId", "from");

-- CreateIndex
CREATE INDEX "EmploymentRecord_organizationId_to_idx" ON "EmploymentRecord"("organizationId", "to");

-- CreateIndex
CREATE UNIQUE INDEX "ImportJob_fileId_key" ON "ImportJob"("fileId");

-- CreateIndex
CREATE INDEX "ImportJob_organizationId_createdAt_idx" ON "ImportJob"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "ImportJob_status_idx" ON "ImportJob"("status");

-- CreateIndex
CREATE INDEX "ImportRow_jobId_status_rowNumber_idx" ON "ImportRow"("jobId", "status", "rowNumber");

-- CreateIndex
CREATE UNIQUE INDEX "ImportRow_jobId_rowNumber_key" ON "ImportRow"("jobId", "rowNumber");

-- CreateIndex
CREATE INDEX "Organization_kind_agencyStatus_idx" ON "Organization"("kind", "agencyStatus");

-- AddForeignKey
ALTER TABLE "AgencyStatusChange" ADD CONSTRAINT "AgencyStatusChange_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyApplication" ADD CONSTRAINT "AgencyApplication_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyApplication" ADD CONSTRAINT "AgencyApplication_certificateFileId_fkey" FOREIGN KEY ("certificateFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyApplication" ADD CONSTRAINT "AgencyApplication_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyApplicationEvent" ADD CONSTRAINT "AgencyApplicationEvent_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "AgencyApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrityRecord" ADD CONSTRAINT "IntegrityRecord_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyRating" ADD CONSTRAINT "AgencyRating_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssociationMembership" ADD CONSTRAINT "AssociationMembership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssociationMembership" ADD CONSTRAINT "AssociationMembership_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostAssignment" ADD CONSTRAINT "PostAssignment_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostAssignment" ADD CONSTRAINT "PostAssignment_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmploymentRecord" ADD CONSTRAINT "EmploymentRecord_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmploymentRecord" ADD CONSTRAINT "EmploymentRecord_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: agencies registered before the access system existed are active from their creation day.
UPDATE "Organization" SET "agencyStatus" = 'ACTIVE', "agencyStatusSince" = "createdAt"::date
WHERE "kind" = 'AGENCY' AND "agencyStatus" IS NULL;

INSERT INTO "AgencyStatusChange" ("id", "organizationId", "status", "effectiveFrom", "reason", "createdAt")
SELECT 'asc_' || "id", "id", 'ACTIVE', "createdAt"::date, NULL, CURRENT_TIMESTAMP
FROM "Organization" WHERE "kind" = 'AGENCY';

-- Data: each practitioner's current employer becomes the first employment record.
INSERT INTO "EmploymentRecord" ("id", "practitionerId", "organizationId", "from", "createdAt")
SELECT 'emp_' || "id", "id", "organizationId", COALESCE("hireDate", "entryDate", "createdAt"::date), CURRENT_TIMESTAMP
FROM "Practitioner" WHERE "organizationId" IS NOT NULL;
