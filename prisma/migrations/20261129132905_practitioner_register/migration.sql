/*
  Warnings:

  - A unique constraint covering the columns `[idNumberHash]` on the table `Practitioner` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "Degree" AS ENUM ('NONE', 'ASSOCIATE', 'BACHELOR', 'MASTER', 'DOCTORATE');

-- CreateEnum
CREATE TYPE "Major" AS ENUM ('SOCIAL_WORK', 'OTHER');

-- CreateEnum
CREATE TYPE "ProfessionalTitle" AS ENUM ('NONE', 'JUNIOR', 'INTERMEDIATE', 'DEPUTY_SENIOR', 'SENIOR');

-- CreateEnum
CREATE TYPE "EmploymentType" AS ENUM ('AGENCY_STAFF', 'CIVIL_SERVANT', 'PUBLIC_INSTITUTION', 'COMMUNITY_WORKER', 'OTHER');

-- CreateEnum
CREATE TYPE "PracticeField" AS ENUM ('PARTY_MASS', 'SOCIAL_ORGANIZATIONS', 'SCHOOLS', 'HOSPITALS', 'WELFARE_INSTITUTIONS', 'CIVIL_AFFAIRS', 'DISABILITY', 'FAMILY_PLANNING', 'MIGRANTS');

-- CreateEnum
CREATE TYPE "TargetGroup" AS ENUM ('CHILDREN', 'YOUTH', 'ELDERLY', 'WOMEN', 'DISABLED', 'MIGRANTS', 'FAMILIES', 'OTHER');

-- CreateEnum
CREATE TYPE "TalentTrack" AS ENUM ('FRONTLINE', 'PROJECT_OPERATION', 'SUPERVISION', 'AGENCY_MANAGEMENT');

-- CreateEnum
CREATE TYPE "EntryPath" AS ENUM ('BASELINE', 'RECRUITED', 'CULTIVATED');

-- CreateEnum
CREATE TYPE "PractitionerStatus" AS ENUM ('ACTIVE', 'LEFT', 'RETIRED');

-- CreateEnum
CREATE TYPE "AwardLevel" AS ENUM ('PROVINCIAL_OR_ABOVE', 'MUNICIPAL', 'OTHER');

-- CreateEnum
CREATE TYPE "QualificationLevel" AS ENUM ('NONE', 'DEGREE', 'ASSISTANT_SOCIAL_WORKER', 'SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER');

-- CreateEnum
CREATE TYPE "CredentialKind" AS ENUM ('ASSISTANT_SOCIAL_WORKER', 'SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER', 'SOCIAL_WORK_DEGREE', 'PROFESSIONAL_TITLE', 'OTHER');

-- CreateEnum
CREATE TYPE "CredentialStatus" AS ENUM ('SUBMITTED', 'VERIFIED', 'REJECTED', 'EXPIRED', 'REVOKED');

-- AlterTable
ALTER TABLE "Practitioner" ADD COLUMN     "birthDate" DATE,
ADD COLUMN     "degree" "Degree" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "degreeInstitution" TEXT,
ADD COLUMN     "degreeYear" INTEGER,
ADD COLUMN     "email" TEXT,
ADD COLUMN     "employmentType" "EmploymentType",
ADD COLUMN     "entryDate" DATE,
ADD COLUMN     "entryPath" "EntryPath" NOT NULL DEFAULT 'BASELINE',
ADD COLUMN     "g1DeputySenior" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "g1KeyPost" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "g1Msw" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "g1ProvincialAward" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "g1SocialWorker" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "hireDate" DATE,
ADD COLUMN     "idNumberEncrypted" TEXT,
ADD COLUMN     "idNumberHash" TEXT,
ADD COLUMN     "idNumberMasked" TEXT,
ADD COLUMN     "isQualified" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "keyPost" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "major" "Major",
ADD COLUMN     "phone" TEXT,
ADD COLUMN     "practiceFields" "PracticeField"[],
ADD COLUMN     "professionalTitle" "ProfessionalTitle" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "qualificationLevel" "QualificationLevel" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "qualifiedSince" DATE,
ADD COLUMN     "regionId" TEXT,
ADD COLUMN     "regionPath" TEXT,
ADD COLUMN     "status" "PractitionerStatus" NOT NULL DEFAULT 'ACTIVE',
ADD COLUMN     "statusSince" DATE,
ADD COLUMN     "talentTrack" "TalentTrack",
ADD COLUMN     "targetGroups" "TargetGroup"[];

-- CreateTable
CREATE TABLE "Award" (
    "id" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "AwardLevel" NOT NULL,
    "year" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PractitionerStatusChange" (
    "id" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "status" "PractitionerStatus" NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "note" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PractitionerStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualifiedPeriod" (
    "id" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "from" DATE NOT NULL,
    "to" DATE,
    "regionPath" TEXT,
    "entryPath" "EntryPath" NOT NULL,

    CONSTRAINT "QualifiedPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Credential" (
    "id" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "kind" "CredentialKind" NOT NULL,
    "degreeLevel" "Degree",
    "titleLevel" "ProfessionalTitle",
    "number" TEXT NOT NULL,
    "issuingAuthority" TEXT NOT NULL,
    "issueDate" DATE NOT NULL,
    "validUntil" DATE,
    "status" "CredentialStatus" NOT NULL DEFAULT 'SUBMITTED',
    "statusReason" TEXT,
    "scanFileId" TEXT,
    "submittedById" TEXT,
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Credential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CredentialEvent" (
    "id" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "fromStatus" "CredentialStatus",
    "toStatus" "CredentialStatus" NOT NULL,
    "reason" TEXT,
    "actorId" TEXT,
    "actorName" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CredentialEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanTarget" (
    "id" TEXT NOT NULL DEFAULT 'city',
    "startDate" DATE NOT NULL,
    "startValue" INTEGER NOT NULL DEFAULT 40,
    "yearlyTarget" INTEGER NOT NULL DEFAULT 50,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitHit" (
    "id" BIGSERIAL NOT NULL,
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RateLimitHit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Award_practitionerId_idx" ON "Award"("practitionerId");

-- CreateIndex
CREATE INDEX "PractitionerStatusChange_practitionerId_effectiveFrom_idx" ON "PractitionerStatusChange"("practitionerId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "QualifiedPeriod_practitionerId_idx" ON "QualifiedPeriod"("practitionerId");

-- CreateIndex
CREATE INDEX "QualifiedPeriod_from_idx" ON "QualifiedPeriod"("from");

-- CreateIndex
CREATE INDEX "QualifiedPeriod_to_idx" ON "QualifiedPeriod"("to");

-- CreateIndex
CREATE INDEX "QualifiedPeriod_regionPath_idx" ON "QualifiedPeriod"("regionPath");

-- CreateIndex
CREATE UNIQUE INDEX "Credential_scanFileId_key" ON "Credential"("scanFileId");

-- CreateIndex
CREATE INDEX "Credential_practitionerId_idx" ON "Credential"("practitionerId");

-- CreateIndex
CREATE INDEX "Credential_number_idx" ON "Credential"("number");

-- CreateIndex
CREATE INDEX "Credential_status_idx" ON "Credential"("status");

-- CreateIndex
CREATE INDEX "Credential_validUntil_idx" ON "Credential"("validUntil");

-- CreateIndex
CREATE INDEX "CredentialEvent_credentialId_at_idx" ON "CredentialEvent"("credentialId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_storageKey_key" ON "StoredFile"("storageKey");

-- CreateIndex
CREATE INDEX "RateLimitHit_bucket_key_createdAt_idx" ON "RateLimitHit"("bucket", "key", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Practitioner_idNumberHash_key" ON "Practitioner"("idNumberHash");

-- CreateIndex
CREATE INDEX "Practitioner_regionPath_idx" ON "Practitioner"("regionPath");

-- CreateIndex
CREATE INDEX "Practitioner_isQualified_regionPath_idx" ON "Practitioner"("isQualified", "regionPath");

-- CreateIndex
CREATE INDEX "Practitioner_status_idx" ON "Practitioner"("status");

-- CreateIndex
CREATE INDEX "Practitioner_entryPath_idx" ON "Practitioner"("entryPath");

-- CreateIndex
CREATE INDEX "Practitioner_name_trgm_idx" ON "Practitioner" USING GIN ("name" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "Practitioner" ADD CONSTRAINT "Practitioner_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PractitionerStatusChange" ADD CONSTRAINT "PractitionerStatusChange_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualifiedPeriod" ADD CONSTRAINT "QualifiedPeriod_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_scanFileId_fkey" FOREIGN KEY ("scanFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CredentialEvent" ADD CONSTRAINT "CredentialEvent_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE CASCADE ON UPDATE CASCADE;
