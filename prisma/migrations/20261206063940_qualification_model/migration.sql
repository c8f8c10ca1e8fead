-- The qualification model made right (issue 9): the qualification certificate is permanent;
-- what lapses is its registration (登记), renewed every three years with continuing education.
-- Every certificate's former "valid until" becomes the end of a registration period; EXPIRED
-- certificates become VERIFIED again (with an event and an audit row); degrees are untouched.
-- Derived facts (who counts, since when) are recomputed by the start-up from the same pure rule
-- as every other change: the DataTask row at the end asks for it.

-- CreateEnum
CREATE TYPE "RegistrationPeriodOrigin" AS ENUM ('MIGRATED', 'INITIAL', 'RENEWAL');

-- CreateEnum
CREATE TYPE "CpdKind" AS ENUM ('TRAINING_PROGRAMME', 'SUPERVISION', 'DEGREE_STUDY', 'EXTERNAL');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('SUBMITTED', 'VERIFIED', 'REJECTED');

-- AlterTable
ALTER TABLE "PlanTarget" ADD COLUMN     "cpdDegreeHours" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "cpdHoursAssistant" INTEGER NOT NULL DEFAULT 72,
ADD COLUMN     "cpdHoursSocialWorker" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "cpdMaxHoursPerDay" INTEGER NOT NULL DEFAULT 8,
ADD COLUMN     "registrationDueDays" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "registrationYears" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "seniorCertificateIsG1b" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Practitioner" ADD COLUMN     "registrationEnd" DATE;

-- AlterTable
ALTER TABLE "QualifiedPeriod" ADD COLUMN     "isFirst" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "Registration" (
    "id" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationPeriod" (
    "id" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "start" DATE NOT NULL,
    "end" DATE NOT NULL,
    "origin" "RegistrationPeriodOrigin" NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistrationPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CpdEntry" (
    "id" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "kind" "CpdKind" NOT NULL,
    "title" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "halfHours" INTEGER NOT NULL,
    "sourceRef" TEXT,
    "status" "ReviewStatus" NOT NULL DEFAULT 'SUBMITTED',
    "reason" TEXT,
    "proofFileId" TEXT,
    "submittedById" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CpdEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RenewalRequest" (
    "id" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "periodEnd" DATE NOT NULL,
    "halfHours" INTEGER NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'SUBMITTED',
    "reason" TEXT,
    "submittedById" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RenewalRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "href" TEXT NOT NULL,
    "dedupeKey" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataTask" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "DataTask_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Registration_credentialId_key" ON "Registration"("credentialId");

-- CreateIndex
CREATE INDEX "Registration_practitionerId_idx" ON "Registration"("practitionerId");

-- CreateIndex
CREATE INDEX "Registration_periodEnd_idx" ON "Registration"("periodEnd");

-- CreateIndex
CREATE INDEX "Registration_number_idx" ON "Registration"("number");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationPeriod_registrationId_start_key" ON "RegistrationPeriod"("registrationId", "start");

-- CreateIndex
CREATE UNIQUE INDEX "CpdEntry_sourceRef_key" ON "CpdEntry"("sourceRef");

-- CreateIndex
CREATE UNIQUE INDEX "CpdEntry_proofFileId_key" ON "CpdEntry"("proofFileId");

-- CreateIndex
CREATE INDEX "CpdEntry_practitionerId_endDate_idx" ON "CpdEntry"("practitionerId", "endDate");

-- CreateIndex
CREATE INDEX "CpdEntry_status_createdAt_idx" ON "CpdEntry"("status", "createdAt");

-- CreateIndex
CREATE INDEX "RenewalRequest_registrationId_idx" ON "RenewalRequest"("registrationId");

-- CreateIndex
CREATE INDEX "RenewalRequest_status_createdAt_idx" ON "RenewalRequest"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Practitioner_registrationEnd_idx" ON "Practitioner"("registrationEnd");

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationPeriod" ADD CONSTRAINT "RegistrationPeriod_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CpdEntry" ADD CONSTRAINT "CpdEntry_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CpdEntry" ADD CONSTRAINT "CpdEntry_proofFileId_fkey" FOREIGN KEY ("proofFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalRequest" ADD CONSTRAINT "RenewalRequest_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalRequest" ADD CONSTRAINT "RenewalRequest_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Constraints the model relies on ──────────────────────────────────────────────────────
ALTER TABLE "CpdEntry" ADD CONSTRAINT "CpdEntry_halfHours_positive" CHECK ("halfHours" > 0);
ALTER TABLE "CpdEntry" ADD CONSTRAINT "CpdEntry_dates_ordered" CHECK ("endDate" >= "startDate");
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_period_ordered" CHECK ("periodEnd" >= "periodStart");
ALTER TABLE "RegistrationPeriod" ADD CONSTRAINT "RegistrationPeriod_ordered" CHECK ("end" >= "start");
-- One open renewal request per registration.
CREATE UNIQUE INDEX "RenewalRequest_one_open_idx" ON "RenewalRequest"("registrationId") WHERE "status" = 'SUBMITTED';

-- ─── Data: certificates' "valid until" → registration periods ────────────────────────────
-- One registration per qualification certificate that had a "valid until"; its number is the
-- certificate's (the register never held a separate registration number). The period is the
-- three years up to that day, never starting before the certificate was issued.
INSERT INTO "Registration" ("id", "practitionerId", "credentialId", "number", "periodStart", "periodEnd", "createdAt", "updatedAt")
SELECT 'reg_' || c."id", c."practitionerId", c."id", c."number",
       GREATEST(c."issueDate", (c."validUntil" - INTERVAL '3 years' + INTERVAL '1 day')::date), c."validUntil",
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM "Credential" c
WHERE c."kind" IN ('ASSISTANT_SOCIAL_WORKER', 'SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER') AND c."validUntil" IS NOT NULL;

INSERT INTO "RegistrationPeriod" ("id", "registrationId", "start", "end", "origin")
SELECT 'regp_' || r."credentialId", r."id", r."periodStart", r."periodEnd", 'MIGRATED' FROM "Registration" r;

-- The audit trail records each conversion (before: the certificate's status and "valid until").
INSERT INTO "AuditEvent" ("at", "action", "outcome", "entity", "entityId", "before", "after", "userAgent")
SELECT CURRENT_TIMESTAMP, 'credentials.migrateToRegistration', 'SUCCESS', 'Credential', c."id",
       jsonb_build_object('status', c."status", 'validUntil', to_char(c."validUntil", 'YYYY-MM-DD')),
       jsonb_build_object('status', CASE WHEN c."status" = 'EXPIRED' THEN 'VERIFIED' ELSE c."status"::text END,
                          'registrationId', r."id",
                          'periodStart', to_char(r."periodStart", 'YYYY-MM-DD'),
                          'periodEnd', to_char(r."periodEnd", 'YYYY-MM-DD')),
       'system:migration 20261206063940_qualification_model'
FROM "Credential" c JOIN "Registration" r ON r."credentialId" = c."id";

-- Non-certificate credentials that carried a "valid until" lose it; the audit keeps the day.
INSERT INTO "AuditEvent" ("at", "action", "outcome", "entity", "entityId", "before", "after", "userAgent")
SELECT CURRENT_TIMESTAMP, 'credentials.dropValidUntil', 'SUCCESS', 'Credential', c."id",
       jsonb_build_object('status', c."status", 'validUntil', to_char(c."validUntil", 'YYYY-MM-DD')),
       jsonb_build_object('status', CASE WHEN c."status" = 'EXPIRED' THEN 'VERIFIED' ELSE c."status"::text END),
       'system:migration 20261206063940_qualification_model'
FROM "Credential" c
WHERE c."validUntil" IS NOT NULL AND c."kind" NOT IN ('ASSISTANT_SOCIAL_WORKER', 'SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER');

-- A certificate does not expire: EXPIRED ones are VERIFIED again, with a step in their history.
INSERT INTO "CredentialEvent" ("id", "credentialId", "fromStatus", "toStatus", "reason", "at")
SELECT 'mig_' || c."id", c."id", 'EXPIRED', 'VERIFIED', 'MIGRATION_CERTIFICATE_PERMANENT', CURRENT_TIMESTAMP
FROM "Credential" c WHERE c."status" = 'EXPIRED';
UPDATE "Credential" SET "status" = 'VERIFIED', "version" = "version" + 1 WHERE "status" = 'EXPIRED';

-- The register's registration column: the latest period end of a verified certificate.
UPDATE "Practitioner" p SET "registrationEnd" = x."end"
FROM (
  SELECT r."practitionerId", MAX(r."periodEnd") AS "end"
  FROM "Registration" r JOIN "Credential" c ON c."id" = r."credentialId"
  WHERE c."status" = 'VERIFIED'
  GROUP BY r."practitionerId"
) x
WHERE x."practitionerId" = p."id";

-- DropIndex
DROP INDEX "Credential_validUntil_idx";

-- AlterTable
ALTER TABLE "Credential" DROP COLUMN "validUntil";

-- Who counts and since when is recomputed by the start-up (src/server/maintenance/data-tasks.ts).
INSERT INTO "DataTask" ("key") VALUES ('recompute-qualification-20261206');
