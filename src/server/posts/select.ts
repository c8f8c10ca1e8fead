import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/** A post's particulars: shared by the post page and the audit snapshot. */
export const postParticularsSelect = {
  id: true,
  kind: true,
  title: true,
  organizationId: true,
  practiceField: true,
  headcount: true,
  ratioBasis: true,
  basisCount: true,
  ratioPerWorker: true,
  requiredHeadcount: true,
  requiredQualification: true,
  description: true,
  closedOn: true,
  version: true,
} satisfies Prisma.PostSelect;
