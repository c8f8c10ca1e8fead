// Factories for the workforce dashboard tests: posts, assignments, ratings, integrity records,
// memberships. Plain inserts with the derived columns filled as the real mutations would.
import type { PrismaClient, Prisma } from "@/generated/prisma/client";
import { requiredHeadcount } from "@/domain/posts/post-maths";

type TDb = PrismaClient | Prisma.TransactionClient;
const day = (s: string) => new Date(`${s}T00:00:00Z`);

export async function makePost(
  db: TDb,
  data: { organizationId: string; practiceField: Prisma.PostUncheckedCreateInput["practiceField"]; title?: string; closedOn?: string } & (
    | { kind: "DEPARTMENT"; headcount: number }
    | { kind: "RATIO"; ratioBasis: "BEDS" | "STUDENTS" | "PATIENTS" | "RESIDENTS"; basisCount: number; ratioPerWorker: number }
  ),
) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: data.organizationId }, select: { regionId: true, region: { select: { path: true } } } });
  const shape = data.kind === "DEPARTMENT" ? { headcount: data.headcount } : { ratioBasis: data.ratioBasis, basisCount: data.basisCount, ratioPerWorker: data.ratioPerWorker };
  return db.post.create({
    data: {
      kind: data.kind,
      title: data.title ?? `岗位-${data.practiceField}`,
      organizationId: data.organizationId,
      regionId: org.regionId,
      regionPath: org.region.path,
      practiceField: data.practiceField,
      ...shape,
      requiredHeadcount: requiredHeadcount(data.kind === "DEPARTMENT" ? { kind: "DEPARTMENT", headcount: data.headcount } : { kind: "RATIO", basisCount: data.basisCount, ratioPerWorker: data.ratioPerWorker }),
      closedOn: data.closedOn ? day(data.closedOn) : null,
    },
    select: { id: true, requiredHeadcount: true },
  });
}

export function assign(db: TDb, postId: string, practitionerId: string, from = "2024-06-01", to: string | null = null) {
  return db.postAssignment.create({ data: { postId, practitionerId, from: day(from), to: to ? day(to) : null }, select: { id: true } });
}

export function makeIntegrity(db: TDb, organizationId: string, kind: Prisma.IntegrityRecordUncheckedCreateInput["kind"], occurredOn: string, endsOn: string | null = null) {
  return db.integrityRecord.create({ data: { organizationId, kind, occurredOn: day(occurredOn), endsOn: endsOn ? day(endsOn) : null, source: "测试", description: "测试记录" } });
}

let memberSeq = 0;
export function makeMembership(db: TDb, data: { organizationId?: string; practitionerId?: string; status?: "ACTIVE" | "SUSPENDED" | "ENDED"; joinedOn?: string }) {
  const type = data.organizationId ? "AGENCY" : "PRACTITIONER";
  return db.associationMembership.create({
    data: {
      memberType: type,
      organizationId: data.organizationId ?? null,
      practitionerId: data.practitionerId ?? null,
      memberNumber: `T-${type[0]}-${Date.now().toString(36)}-${++memberSeq}`,
      joinedOn: day(data.joinedOn ?? "2025-01-10"),
      status: data.status ?? "ACTIVE",
      endedOn: data.status === "ENDED" ? day("2025-06-01") : null,
    },
  });
}
