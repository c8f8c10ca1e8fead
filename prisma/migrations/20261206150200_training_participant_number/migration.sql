-- Issue 12: each enrolment gets a participant number within its programme (1, 2, 3 …, never
-- reused), shown on the attendance list and read back by the attendance import. The table was
-- created by 20261206150000 and nothing wrote enrolments before this feature, so it is empty.

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- AlterTable
ALTER TABLE "TrainingEnrolment" ADD COLUMN     "number" INTEGER NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "TrainingEnrolment_trainingId_number_key" ON "TrainingEnrolment"("trainingId", "number");
