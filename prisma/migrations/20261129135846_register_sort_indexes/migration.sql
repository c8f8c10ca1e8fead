-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "Practitioner_name_id_idx" ON "Practitioner"("name", "id");

-- CreateIndex
CREATE INDEX "Practitioner_updatedAt_id_idx" ON "Practitioner"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "Practitioner_qualifiedSince_id_idx" ON "Practitioner"("qualifiedSince", "id");

-- CreateIndex
CREATE INDEX "Practitioner_entryDate_id_idx" ON "Practitioner"("entryDate", "id");
