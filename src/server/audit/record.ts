import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { auditDiff } from "@/domain/audit/diff";
import { prisma, type TTx } from "@/server/db";
import type { TRequestMeta } from "@/server/request-meta";

export type TAuditActor = { id: string; email: string; role: Prisma.AuditEventCreateInput["actorRole"] } | null;

/** The audit actor for a signed-in user (any object carrying id, email and role). */
export function auditActor(user: { id: string; email: string; role: NonNullable<TAuditActor>["role"] }): NonNullable<TAuditActor> {
  return { id: user.id, email: user.email, role: user.role };
}

export type TAuditInput = {
  actor: TAuditActor;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  outcome?: "SUCCESS" | "FAILURE" | "DENIED";
  meta: TRequestMeta;
  /** For events without an actor (failed sign-in): who it was about. */
  actorEmail?: string | null;
};

function toData(input: TAuditInput): Prisma.AuditEventCreateInput {
  const diff = auditDiff(input.before ?? null, input.after ?? null);
  return {
    actorId: input.actor?.id ?? null,
    actorEmail: input.actor?.email ?? input.actorEmail ?? null,
    actorRole: input.actor?.role ?? null,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    before: (diff.before ?? undefined) as Prisma.InputJsonValue | undefined,
    after: (diff.after ?? undefined) as Prisma.InputJsonValue | undefined,
    outcome: input.outcome ?? "SUCCESS",
    ip: input.meta.ip,
    userAgent: input.meta.userAgent,
  };
}

/** Writes the audit event inside the caller's transaction, so it lands with the change or not at all. */
export async function recordAudit(tx: TTx, input: TAuditInput): Promise<void> {
  await tx.auditEvent.create({ data: toData(input) });
}

/** For events that are not part of a mutation (denied access, failed sign-in). */
export async function recordAuditStandalone(input: TAuditInput): Promise<void> {
  await prisma.auditEvent.create({ data: toData(input) });
}
