import { prisma } from "@/server/db";

/** Row counts of every table a mutation may touch, to prove a refused change left no trace. */
export async function tableCounts() {
  const [users, passwordTokens, outbox, audit, signInAttempts, regions, organizations, practitioners] = await Promise.all([
    prisma.user.count(),
    prisma.passwordToken.count(),
    prisma.outboxEmail.count(),
    prisma.auditEvent.count(),
    prisma.signInAttempt.count(),
    prisma.region.count(),
    prisma.organization.count(),
    prisma.practitioner.count(),
  ]);
  return { users, passwordTokens, outbox, audit, signInAttempts, regions, organizations, practitioners };
}
