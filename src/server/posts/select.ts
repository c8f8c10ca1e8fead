import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { namedSelect } from "@/server/select";

// A post's columns as the views read them: the list, the post page and the audit snapshot all
// extend the one base fragment.

/** What names a post and sizes it: title, kind, field, the ratio behind it, its required headcount and whether it closed. */
export const postBaseSelect = {
  id: true,
  kind: true,
  title: true,
  practiceField: true,
  ratioBasis: true,
  basisCount: true,
  ratioPerWorker: true,
  requiredHeadcount: true,
  closedOn: true,
} as const satisfies Prisma.PostSelect;

/** A row of the posts list. */
export const postListSelect = {
  ...postBaseSelect,
  regionPath: true,
  organization: { select: { ...namedSelect, kind: true } },
} satisfies Prisma.PostSelect;

/** A post's particulars: shared by the post page and the audit snapshot. */
export const postParticularsSelect = {
  ...postBaseSelect,
  organizationId: true,
  headcount: true,
  requiredQualification: true,
  description: true,
  version: true,
} satisfies Prisma.PostSelect;
