import { z } from "zod";

// A record a decision acts on: its id and the version the page showed (a stale version is refused).
// Messages are catalogue keys under "validation".

export const ZRecordRef = z.object({
  id: z.string().trim().min(1, "required").max(64, "invalid"),
  version: z.coerce.number().int("invalid").min(1, "invalid"),
});
export type TRecordRef = z.infer<typeof ZRecordRef>;

/** Rejecting, returning or revoking must say why: the person concerned reads it. */
export const ZRecordRefWithReason = ZRecordRef.extend({
  reason: z.string().trim().min(1, "reasonRequired").max(500, "tooLong"),
});
export type TRecordRefWithReason = z.infer<typeof ZRecordRefWithReason>;
