import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma, type TTx } from "@/server/db";
import type { TPostFill } from "@/domain/posts/post-maths";

// Who fills each post on a given day: the one definition behind the posts pages and the
// workforce dashboard. A place is filled by a current assignment (from ≤ day < to) of an
// active practitioner; it is filled by a qualified person when that practitioner counts
// toward the plan (Practitioner.isQualified). Closed posts are left out.

export type TPostFillRow = TPostFill & {
  id: string;
  kind: "DEPARTMENT" | "RATIO";
  practiceField: string;
  regionPath: string;
  organizationId: string;
};

/** `where` must already carry the caller's scope (postScope). */
export async function postFillRows(where: Prisma.PostWhereInput, day: Date, db: TTx | typeof prisma = prisma): Promise<TPostFillRow[]> {
  const posts = await db.post.findMany({
    where: { AND: [where, { OR: [{ closedOn: null }, { closedOn: { gt: day } }] }] },
    select: {
      id: true,
      kind: true,
      practiceField: true,
      regionPath: true,
      organizationId: true,
      requiredHeadcount: true,
      assignments: {
        where: { from: { lte: day }, OR: [{ to: null }, { to: { gt: day } }], practitioner: { status: "ACTIVE" } },
        select: { practitioner: { select: { isQualified: true } } },
      },
    },
  });
  return posts.map((p) => ({
    id: p.id,
    kind: p.kind,
    practiceField: p.practiceField,
    regionPath: p.regionPath,
    organizationId: p.organizationId,
    required: p.requiredHeadcount,
    filled: p.assignments.length,
    qualifiedFilled: p.assignments.filter((a) => a.practitioner.isQualified).length,
  }));
}
