import { z } from "zod";
import { isNotInFuture, ZDay, ZPastDay } from "@/domain/common/calendar-day";
import { withCrossCheck } from "@/domain/common/cross-check";
import { MEMBER_TYPES } from "./enums";

// Association membership forms (plan.md T6), shared by the client forms and the server
// mutations. Messages are catalogue keys: plain ones under "validation", dotted ones are
// full keys in this feature's namespace (association.validation.*).

const blankToUndefined = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : v);
const ZId = z.string().trim().min(1, "required").max(64, "invalid");
const ZVersion = z.coerce.number().int().min(1);
const ZRequiredPastDay = z.preprocess(blankToUndefined, ZPastDay.optional()).refine((v) => v !== undefined, "required").transform((v) => v!);

export const ZAddMember = z.object({
  memberType: z.enum(MEMBER_TYPES, "required"),
  /** The agency's or the practitioner's id, as the form's picker submits it. */
  memberId: z.preprocess((v) => (v === undefined || v === null ? "" : v), z.string().trim().min(1, "association.validation.memberNotFound").max(64, "invalid")),
  joinedOn: ZRequiredPastDay,
  note: z.preprocess(blankToUndefined, z.string().trim().max(500, "tooLong").optional()).transform((v) => v ?? null),
});
export type TAddMember = z.infer<typeof ZAddMember>;

export const MEMBER_STATUS_CHANGES = ["SUSPEND", "REINSTATE", "END"] as const;
export type TMemberStatusChange = (typeof MEMBER_STATUS_CHANGES)[number];

export const ZChangeMemberStatus = withCrossCheck(
  z.object({
    id: ZId,
    version: ZVersion,
    change: z.enum(MEMBER_STATUS_CHANGES, "invalid"),
    /** END only: the last day of membership (not before the join date, which the server checks, nor in the future). */
    endedOn: z.preprocess(blankToUndefined, ZDay.optional()),
  }),
  (v, ctx, parsed) => {
    if (!parsed("change") || v.change !== "END" || !parsed("endedOn")) return;
    if (!v.endedOn) ctx.addIssue({ code: "custom", path: ["endedOn"], message: "required" });
    else if (!isNotInFuture(v.endedOn)) ctx.addIssue({ code: "custom", path: ["endedOn"], message: "dateInFuture" });
  },
).transform((v) => ({ ...v, endedOn: v.change === "END" ? (v.endedOn ?? null) : null }));
export type TChangeMemberStatus = z.infer<typeof ZChangeMemberStatus>;

/** The status a change leads to, or null when the change does not apply to `from`. */
export function nextMemberStatus(from: "ACTIVE" | "SUSPENDED" | "ENDED", change: TMemberStatusChange): "ACTIVE" | "SUSPENDED" | "ENDED" | null {
  if (change === "SUSPEND") return from === "ACTIVE" ? "SUSPENDED" : null;
  if (change === "REINSTATE") return from === "SUSPENDED" ? "ACTIVE" : null;
  return from === "ENDED" ? null : "ENDED";
}

/** The list's URL state: which list, status filter, search and page. */
export const MEMBER_TABS = ["agencies", "practitioners"] as const;
export type TMemberTab = (typeof MEMBER_TABS)[number];
export type TMemberListFilter = { tab: TMemberTab; status: "" | "ACTIVE" | "SUSPENDED" | "ENDED"; q: string; page: number };

export function parseMemberListFilter(params: Record<string, string | string[] | undefined>): TMemberListFilter {
  const one = (k: string) => {
    const v = params[k];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const tab = (MEMBER_TABS as readonly string[]).includes(one("tab")) ? (one("tab") as TMemberTab) : "agencies";
  const status = ["ACTIVE", "SUSPENDED", "ENDED"].includes(one("status")) ? (one("status") as TMemberListFilter["status"]) : "";
  const page = Number.parseInt(one("page"), 10);
  return { tab, status, q: one("q").trim().slice(0, 100), page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1 };
}

export function memberListParams(f: TMemberListFilter): Record<string, string | undefined> {
  return { tab: f.tab, status: f.status || undefined, q: f.q || undefined };
}
