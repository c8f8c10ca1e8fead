/**
 * What every server action returns. Errors are catalogue keys: `error` under "errors",
 * field errors under "validation"; the form shows them in the user's language.
 */
export type TActionState = {
  ok: boolean;
  error?: string;
  fieldErrors?: Record<string, string>;
  message?: string;
  /** Echo of submitted values so a refused form keeps what was typed (never passwords). */
  values?: Record<string, string>;
};

export const initialActionState: TActionState = { ok: false };
