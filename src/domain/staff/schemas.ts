import { z } from "zod";
import { ZPastDay } from "@/domain/common/calendar-day";
import { withCrossCheck } from "@/domain/common/cross-check";
import { EMPLOYMENT_ENDS } from "./enums";

// Messages are catalogue keys: bare ones under "validation", dotted ones (staff.…) from the root.

const blankToUndefined = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : v);
const ZId = z.string().trim().min(1, "required").max(64, "invalid");

/** Record a staff member leaving their employer, or moving to another active agency. */
export const ZRecordLeaving = withCrossCheck(
  z.object({
    id: ZId,
    version: z.coerce.number().int().min(1),
    kind: z.enum(EMPLOYMENT_ENDS, "required"),
    /** The day they left or moved: it has happened. */
    date: z.preprocess(blankToUndefined, ZPastDay.optional()).refine((v) => v !== undefined, "required").transform((v) => v!),
    note: z.preprocess(blankToUndefined, z.string().trim().max(500, "tooLong").optional()).transform((v) => v ?? null),
    toOrganizationId: z.preprocess(blankToUndefined, ZId.optional()).transform((v) => v ?? null),
  }),
  (v, ctx, parsed) => {
    if (parsed("kind") && parsed("toOrganizationId") && v.kind === "MOVED" && !v.toOrganizationId) ctx.addIssue({ code: "custom", path: ["toOrganizationId"], message: "required" });
  },
).transform((v) => (v.kind === "LEFT" ? { ...v, toOrganizationId: null } : v));
export type TRecordLeaving = z.infer<typeof ZRecordLeaving>;

export const ZImportRef = z.object({ jobId: ZId, version: z.coerce.number().int().min(1) });
export type TImportRef = z.infer<typeof ZImportRef>;

/** Upload limits (checked in the browser for a quick answer, and again on the server). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
export const IMPORT_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
