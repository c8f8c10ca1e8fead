import "server-only";
import { prisma } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";
import { getRequestMeta } from "@/server/request-meta";
import { hitRateLimit, type TRateLimit } from "@/server/public-register/rate-limit";
import type { TApplicationStatusLookup } from "@/domain/agencies/application-schemas";
import { DomainError } from "@/domain/common/errors";
import { amendLinkLive } from "@/domain/agencies/application-rules";
import type { TApplicationDecision, TApplicationStatus } from "@/domain/agencies/enums";

// The public status page (issue 11, item 10): an applicant checks where their application stands
// by its reference and the contact e-mail it was filed with. Both must match; a mismatch of either
// is the same "no application with this reference and e-mail", so nothing tells which part was
// wrong. The answer holds only what the applicant gave or was already told by e-mail: the steps
// and their dates, and the reason written to them when it was returned or rejected — never the
// reviewers' names or the district's comment for the city.

const E = "agencyApplications.errors";

/** Look-ups per client address, counted like the public register's (src/server/public-register/rate-limit.ts). */
export const APPLICATION_STATUS_LIMIT: TRateLimit = { bucket: "public.applicationStatus", limit: 20, windowMs: 15 * 60_000 };

const statusSelect = {
  reference: true,
  name: true,
  status: true,
  returnedFrom: true,
  submittedAt: true,
  decidedAt: true,
  amendTokenExpiresAt: true,
  // The applicant's own events and the reviewers' decisions: what happened and when (no names, no internal comment).
  events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { step: true, decision: true, reason: true, at: true } },
} satisfies Prisma.AgencyApplicationSelect;

export type TPublicApplicationStatus = {
  reference: string;
  agency: string;
  status: TApplicationStatus;
  returnedFrom: TApplicationStatus | null;
  submittedAt: Date;
  decidedAt: Date | null;
  /** Until when the amend link of a returned application works; null when it has expired or the application is not returned. */
  amendUntil: Date | null;
  steps: { step: TApplicationStatus; decision: TApplicationDecision; at: Date }[];
  /** What the reviewer wrote to the applicant, when the application is now returned or rejected. */
  reason: string | null;
};

/**
 * The application with this reference and contact e-mail, or a DomainError "statusNotFound"
 * whichever part did not match; rate-limited per client address.
 */
export async function lookupApplicationStatus(input: TApplicationStatusLookup, now = new Date()): Promise<TPublicApplicationStatus> {
  const meta = await getRequestMeta();
  const limit = await hitRateLimit(APPLICATION_STATUS_LIMIT, meta.ip, now);
  if (!limit.ok) throw new DomainError(`${E}.statusRateLimited`);
  // One query for both parts: a wrong reference and a wrong e-mail take the same path.
  const app = await prisma.agencyApplication.findFirst({
    where: { reference: input.reference, contactEmail: { equals: input.email, mode: "insensitive" } },
    select: statusSelect,
  });
  if (!app) throw new DomainError(`${E}.statusNotFound`);
  const last = app.events.at(-1);
  const addressed = (app.status === "RETURNED" || app.status === "REJECTED") && last && (last.decision === "RETURNED" || last.decision === "REJECTED") ? last.reason : null;
  return {
    reference: app.reference,
    agency: app.name,
    status: app.status,
    returnedFrom: app.returnedFrom,
    submittedAt: app.submittedAt,
    decidedAt: app.decidedAt,
    amendUntil: amendLinkLive(app, now) ? app.amendTokenExpiresAt : null,
    steps: app.events.map((e) => ({ step: e.step, decision: e.decision, at: e.at })),
    reason: addressed ?? null,
  };
}
