import type { TTx } from "@/server/db";

// Kept apart from the agency mutations (which need a session) so that the hourly pass can call it.

/** Copies the latest rating (by ratedOn, then by when it was recorded) onto the agency. */
export async function recomputeAgencyRating(tx: TTx, organizationId: string) {
  const latest = await tx.agencyRating.findFirst({ where: { organizationId }, orderBy: [{ ratedOn: "desc" }, { createdAt: "desc" }, { id: "desc" }], select: { rating: true, ratedOn: true } });
  await tx.organization.update({ where: { id: organizationId }, data: { rating: latest?.rating ?? null, ratingDate: latest?.ratedOn ?? null } });
}
