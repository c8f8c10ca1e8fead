-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- AlterTable
ALTER TABLE "AgencyApplicationEvent" ADD COLUMN     "commentForCity" TEXT;
