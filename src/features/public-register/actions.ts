"use server";

import { getRequestMeta } from "@/server/request-meta";
import { bulkCheck } from "@/server/public-register/lookups";
import { numbersFromForm } from "@/server/public-register/input";
import type { TBulkRow } from "@/server/public-register/queries";

export type TBulkProblemKey = "empty" | "tooMany" | "numberTooLong" | "rateLimited" | "fileTooLarge" | "fileUnreadable" | "unexpected";

/** The bulk check's form state; `problem` is a key under publicRegister.problems. */
export type TBulkState = {
  problem?: TBulkProblemKey;
  count?: number;
  minutes?: number;
  rows?: TBulkRow[];
  numbers?: string[];
  receipt?: string;
  /** Echo of the pasted text so a refused form keeps it. */
  text?: string;
};

export async function bulkCheckAction(_prev: TBulkState, formData: FormData): Promise<TBulkState> {
  try {
    const input = await numbersFromForm(formData);
    if (!input.ok) return { problem: input.problem, text: input.text };
    const outcome = await bulkCheck(input.numbers, (await getRequestMeta()).ip);
    if (!outcome.ok) {
      return {
        problem: outcome.problem,
        count: outcome.count,
        minutes: outcome.retryAfterSeconds ? Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60)) : undefined,
        text: input.text,
      };
    }
    return { rows: outcome.rows, numbers: input.numbers, receipt: outcome.receipt, text: input.text };
  } catch (error) {
    console.error("[public-register] bulk check failed", error);
    return { problem: "unexpected" };
  }
}
