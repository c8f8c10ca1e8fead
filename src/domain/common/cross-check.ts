import type { z } from "zod";

// Checks across an object's fields (a birth date against the ID number, an end against a start)
// that run even when other fields failed. Zod skips an object's refinements once any field failed
// a type or enum check, so a form would show those problems only on the next submit (issue 11):
// every problem of a submit must be reported at once.

/** Whether a field of the object parsed; a check compares only fields that did. */
export type TParsed = (field: string) => boolean;

/**
 * `schema` with `check` run after its fields, whatever they gave. The value holds the parsed
 * fields and, for those that failed, what was submitted: `parsed(field)` tells which is which.
 */
export function withCrossCheck<S extends z.ZodObject>(schema: S, check: (value: z.output<S>, ctx: z.RefinementCtx<z.output<S>>, parsed: TParsed) => void) {
  return schema.superRefine(
    (value, ctx) => {
      const failed = new Set(ctx.issues.map((issue) => String(issue.path?.[0])));
      check(value, ctx, (field) => !failed.has(field));
    },
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );
}
