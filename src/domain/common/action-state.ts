import type { TAuthzErrorCode } from "@/domain/authz/errors";
import type { TDomainErrorCode, TFieldErrorCode } from "./errors";

/** Form-level codes the action pipeline itself returns. */
export type TPipelineErrorCode = "stale" | "checkFields" | "unexpected";

/** Everything `error` may hold: a key under "errors", or a dotted full key. */
export type TActionErrorCode = TDomainErrorCode | TAuthzErrorCode | TPipelineErrorCode;

/** Success notices: keys under "notices". */
export type TNoticeCode = "saved" | "created" | "disabled" | "enabled" | "resetSent";

/**
 * What every server action returns. Errors are catalogue keys: `error` under "errors",
 * field errors under "validation"; the form shows them in the user's language.
 */
export type TActionState = {
  ok: boolean;
  error?: TActionErrorCode;
  /** Keyed by the form's field name. */
  fieldErrors?: Record<string, TFieldErrorCode>;
  message?: TNoticeCode;
  /** Echo of submitted values so a refused form keeps what was typed (never passwords). */
  values?: Record<string, string>;
};

export const initialActionState: TActionState = { ok: false };
