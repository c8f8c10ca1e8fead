-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "supervisingDepartmentId" TEXT;

-- CreateIndex
CREATE INDEX "Organization_supervisingDepartmentId_idx" ON "Organization"("supervisingDepartmentId");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_supervisingDepartmentId_fkey" FOREIGN KEY ("supervisingDepartmentId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Issue 11: the stored qualification level is now the level held also by people who do not count
-- (left the city, say), as the counting rule's explanation gives it. The TypeScript rule recomputes
-- everyone on the next maintenance pass (src/server/maintenance/data-tasks.ts).
INSERT INTO "DataTask" ("key") VALUES ('recompute-qualification-20261206-held-level');
