"use server";

import { getRequestMeta } from "@/server/request-meta";
import { bulkCheck } from "@/server/public-register/lookups";
import { numbersFromForm } from "@/server/public-register/input";
import type { TBulkRow } from "@/server/public-register/queries";
import { formAction } from "@/features/action";
import type { TActionState } from "@/domain/common/action-state";

export type TBulkProblemKey = "empty" | "tooMany" | "numberTooLong" | "rateLimited" | "fileTooLarge" | "fileUnreadable" | "unexpected";

/** The bulk check's form state; `problem` is a key under publicRegister.problems. */
export type TBulkState = TActionState & {
  problem?: TBulkProblemKey;
  count?: number;
  minutes?: number;
  rows?: TBulkRow[];
  numbers?: string[];
  receipt?: string;
  /** Echo of the pasted text so a refused form keeps it. */
  text?: string;
};

export const bulkCheckAction = formAction<undefined, TBulkState, TBulkState>({
  // Public: the register is open to anyone checking a certificate; lookups.ts rate-limits by address.
  permission: null,
  echo: false,
  run: async (formData) => {
    const input = await numbersFromForm(formData);
    if (!input.ok) return { ok: false, problem: input.problem, text: input.text };
    const outcome = await bulkCheck(input.numbers, (await getRequestMeta()).ip);
    if (!outcome.ok) {
      return {
        ok: false,
        problem: outcome.problem,
        count: outcome.count,
        minutes: outcome.retryAfterSeconds ? Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60)) : undefined,
        text: input.text,
      };
    }
    return { ok: true, rows: outcome.rows, numbers: input.numbers, receipt: outcome.receipt, text: input.text };
  },
  done: (state) => state,
  fail: (error) => {
    console.error("[public-register] bulk check failed", error);
    return { ok: false, problem: "unexpected" };
  },
});
