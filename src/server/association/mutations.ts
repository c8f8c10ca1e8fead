import "server-only";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize } from "@/server/auth/session";
import { membershipScope, organizationScope, practitionerScope } from "@/server/authz/scope";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { nextMemberStatus, type TAddMember, type TChangeMemberStatus } from "@/domain/association/schemas";
import { OPEN_STATUSES } from "./queries";
import { membershipAuditSelect } from "./select";

// Association membership changes (association.manage: the city administrator). Each runs in one
// transaction with its audit event. Adding a member takes a transaction-scoped advisory lock, so
// two administrators adding at once can neither both add the same member nor draw the same
// member number.

const LOCK_KEY = 0x5357_4131; // "SWA1"
const PREFIX = { AGENCY: "SWA-A-", PRACTITIONER: "SWA-P-" } as const;

/** The next free number of the type: SWA-A-0001, SWA-P-0001 … (four digits, more when needed). */
export async function nextMemberNumber(tx: TTx, type: "AGENCY" | "PRACTITIONER"): Promise<string> {
  const prefix = PREFIX[type];
  const [row] = await tx.$queryRaw<{ n: number | null }[]>`
    SELECT max(substring("memberNumber" FROM '([0-9]+)$')::int) AS n
      FROM "AssociationMembership" WHERE "memberNumber" ~ ${`^${prefix}[0-9]{1,9}$`}`;
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, "0")}`;
}

export async function addMember(input: TAddMember) {
  const actor = await authorize("association.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEY})`;
    if (input.memberType === "AGENCY") {
      const agency = await tx.organization.findFirst({ where: { AND: [organizationScope(actor, "association.manage"), { id: input.memberId, kind: "AGENCY" }] }, select: { agencyStatus: true, _count: { select: { memberships: { where: { status: { in: [...OPEN_STATUSES] } } } } } } });
      if (!agency) throw new DomainError("association.validation.memberNotFound", "memberId");
      if (agency.agencyStatus !== "ACTIVE") throw new DomainError("association.validation.agencyNotActive", "memberId");
      if (agency._count.memberships > 0) throw new DomainError("association.validation.alreadyMember", "memberId");
    } else {
      const person = await tx.practitioner.findFirst({ where: { AND: [practitionerScope(actor, "association.manage"), { id: input.memberId }] }, select: { status: true, _count: { select: { memberships: { where: { status: { in: [...OPEN_STATUSES] } } } } } } });
      if (!person) throw new DomainError("association.validation.memberNotFound", "memberId");
      if (person.status !== "ACTIVE") throw new DomainError("association.validation.practitionerNotActive", "memberId");
      if (person._count.memberships > 0) throw new DomainError("association.validation.alreadyMember", "memberId");
    }
    const memberNumber = await nextMemberNumber(tx, input.memberType);
    const created = await tx.associationMembership.create({
      data: {
        memberType: input.memberType,
        organizationId: input.memberType === "AGENCY" ? input.memberId : null,
        practitionerId: input.memberType === "PRACTITIONER" ? input.memberId : null,
        memberNumber,
        joinedOn: input.joinedOn,
        status: "ACTIVE",
        note: input.note,
      },
      select: membershipAuditSelect,
    });
    await recordAudit(tx, { actor: auditActor(actor), action: "association.addMember", entity: "AssociationMembership", entityId: created.id, before: null, after: created, meta });
    return { id: created.id, memberNumber };
  });
}

/** Suspend, reinstate or end a membership; the version guards against a concurrent change. */
export async function changeMemberStatus(input: TChangeMemberStatus) {
  const actor = await authorize("association.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const current = await tx.associationMembership.findFirst({ where: { AND: [membershipScope(actor, "association.manage"), { id: input.id }] }, select: membershipAuditSelect });
    if (!current) throw new DomainError("notFound");
    if (current.version !== input.version) throw new StaleEditError();
    const status = nextMemberStatus(current.status, input.change);
    if (!status) throw new DomainError("association.errors.invalidTransition");
    if (status === "ENDED" && (!input.endedOn || input.endedOn.getTime() < current.joinedOn.getTime())) throw new DomainError("association.validation.endBeforeJoin", "endedOn");
    const result = await tx.associationMembership.updateMany({
      where: { id: input.id, version: input.version },
      data: { status, endedOn: status === "ENDED" ? input.endedOn : null, version: { increment: 1 } },
    });
    if (result.count !== 1) throw new StaleEditError();
    const after = await tx.associationMembership.findUniqueOrThrow({ where: { id: input.id }, select: membershipAuditSelect });
    await recordAudit(tx, { actor: auditActor(actor), action: `association.${input.change.toLowerCase()}Member`, entity: "AssociationMembership", entityId: input.id, before: current, after, meta });
    return { id: input.id, status, memberNumber: current.memberNumber };
  });
}
