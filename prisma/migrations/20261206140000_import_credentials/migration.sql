-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- AlterTable
ALTER TABLE "Credential" ADD COLUMN     "importJobId" TEXT;

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "credentialCount" INTEGER NOT NULL DEFAULT 0;

-- AddForeignKey
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_importJobId_fkey" FOREIGN KEY ("importJobId") REFERENCES "ImportJob"("id") ON DELETE SET NULL ON UPDATE CASCADE;
