import "server-only";
import type { TTx } from "@/server/db";
import { DomainError } from "@/domain/common/errors";

// What the training mutations share: the programme's row lock, and the fields decisions read.

/** The programme's fields an enrolment, a withdrawal or a completion decides on. */
export type TLockedTraining = {
  id: string;
  reference: string;
  title: string;
  status: "DRAFT" | "PUBLISHED" | "CANCELLED" | "CLOSED";
  providerId: string;
  startDate: Date;
  endDate: Date;
  capacity: number;
  lengthHalfHours: number;
  cpdHalfHours: number;
  completionPercent: number;
  costFen: number;
  subsidyFen: number;
  budgetLineId: string | null;
  version: number;
};

/**
 * Locks the programme's row (SELECT … FOR UPDATE) for the rest of the transaction and returns it:
 * every change to who holds a place goes through this lock, so 50 people enrolling at once are
 * served one after the other and the places can never be given past the capacity.
 */
export async function lockTraining(tx: TTx, id: string): Promise<TLockedTraining> {
  const rows = await tx.$queryRaw<TLockedTraining[]>`
    SELECT id, reference, title, status::text AS status, "providerId", "startDate", "endDate", capacity, "lengthHalfHours", "cpdHalfHours",
           "completionPercent", "costFen", "subsidyFen", "budgetLineId", version
      FROM "Training" WHERE id = ${id} FOR UPDATE`;
  const t = rows[0];
  if (!t) throw new DomainError("notFound");
  return t;
}

/** How many hold a place now (enrolled, or completed / not completed once closed). */
export async function placesTaken(tx: TTx, trainingId: string): Promise<number> {
  return tx.trainingEnrolment.count({ where: { trainingId, status: { in: ["ENROLLED", "COMPLETED", "NOT_COMPLETED"] } } });
}

/** The next participant number of a programme (numbers are never reused). */
export async function nextParticipantNumber(tx: TTx, trainingId: string): Promise<number> {
  const agg = await tx.trainingEnrolment.aggregate({ where: { trainingId }, _max: { number: true } });
  return (agg._max.number ?? 0) + 1;
}

/** The last waiting-list position given in a programme (positions are never reused while held). */
export async function lastWaitlistPosition(tx: TTx, trainingId: string): Promise<number | null> {
  const agg = await tx.trainingEnrolment.aggregate({ where: { trainingId, waitlistPosition: { not: null } }, _max: { waitlistPosition: true } });
  return agg._max.waitlistPosition ?? null;
}
