// Posts, assignments, integrity records and association memberships, for the demo seed and the
// tests: plain inserts with the derived columns filled as the real mutations would.
import type { PrismaClient, Prisma } from "@/generated/prisma/client";
import { requiredHeadcount } from "@/domain/posts/post-maths";

type TDb = PrismaClient | Prisma.TransactionClient;
const day = (s: string) => new Date(`${s}T00:00:00Z`);

export type TPostSeedShape =
  | { kind: "DEPARTMENT"; headcount: number }
  | { kind: "RATIO"; ratioBasis: "BEDS" | "STUDENTS" | "PATIENTS" | "RESIDENTS"; basisCount: number; ratioPerWorker: number };

/** A post's kind columns and the required headcount worked out from them (unused columns null). */
export function postColumns(shape: TPostSeedShape) {
  return shape.kind === "DEPARTMENT"
    ? { kind: shape.kind, headcount: shape.headcount, ratioBasis: null, basisCount: null, ratioPerWorker: null, requiredHeadcount: requiredHeadcount(shape) }
    : {
        kind: shape.kind,
        headcount: null,
        ratioBasis: shape.ratioBasis,
        basisCount: shape.basisCount,
        ratioPerWorker: shape.ratioPerWorker,
        requiredHeadcount: requiredHeadcount({ kind: "RATIO", basisCount: shape.basisCount, ratioPerWorker: shape.ratioPerWorker }),
      };
}

export async function makePost(
  db: TDb,
  data: TPostSeedShape & {
    organizationId: string;
    practiceField: Prisma.PostUncheckedCreateInput["practiceField"];
    title?: string;
    closedOn?: string;
    requiredQualification?: Prisma.PostUncheckedCreateInput["requiredQualification"];
  },
) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: data.organizationId }, select: { regionId: true, region: { select: { path: true } } } });
  return db.post.create({
    data: {
      ...postColumns(data),
      title: data.title ?? `岗位-${data.practiceField}`,
      organizationId: data.organizationId,
      regionId: org.regionId,
      regionPath: org.region.path,
      practiceField: data.practiceField,
      ...(data.requiredQualification ? { requiredQualification: data.requiredQualification } : {}),
      closedOn: data.closedOn ? day(data.closedOn) : null,
    },
    select: { id: true, title: true, requiredHeadcount: true },
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
