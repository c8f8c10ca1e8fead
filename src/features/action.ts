import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AuthzError, authorize, type TCurrentUser } from "@/server/auth/session";
import type { TAction } from "@/domain/authz/matrix";
import { DomainError, fieldErrorsOf, StaleEditError, type TFieldErrorCode } from "@/domain/common/errors";
import type { TActionErrorCode, TActionState } from "@/domain/common/action-state";

// The one pipeline every server action runs through:
//   parse the form with its schema → authorize the caller's role through the matrix →
//   run the server function → revalidate → redirect, or return a typed state.
// The server functions still check the record's scope themselves (authorize(action, target) or a
// scoped query); the role check here means no action can forget one.

export type TFieldErrors = Record<string, TFieldErrorCode>;

export type TCheck = { error: TActionErrorCode } | { fieldErrors: TFieldErrors };

/** What a run leads to: another page (`redirect` is called outside any try/catch), or a state. */
export type TOutcome<TState> = { redirect: string } | TState;

export type TActionContext = {
  formData: FormData;
  /** The caller, as authorized; null for a public action. */
  user: TCurrentUser | null;
};

/** The input `run` receives: the schema's output, or the raw form for an action without a schema. */
type TInput<TSchema> = TSchema extends z.ZodType ? z.output<TSchema> : FormData;

export type TFormActionSpec<TSchema extends z.ZodType | undefined, TResult, TState extends TActionState> = {
  /**
   * The matrix action the caller's role must hold. `null` only for a public action, with a comment
   * saying why, so a missing permission is always a visible decision.
   */
  permission: TAction | null;
  /** The form's schema; without one, `run` gets the FormData as it came (the action reads a file). */
  schema?: TSchema;
  /** What the schema parses; default: the form's entries as an object. */
  input?: (formData: FormData) => unknown;
  /**
   * Checks the schema cannot make, before it runs: `fieldErrors` (an uploaded file's size) join the
   * schema's; an `error` (a malformed link token) refuses the form outright.
   */
  check?: (formData: FormData) => TCheck | null;
  /** Answer a schema failure with this one form-level code instead of field errors (a malformed reference). */
  invalid?: TActionErrorCode;
  /** Echo the submitted text fields on failure (default), omitting `omit`; passwords are never echoed. */
  echo?: false | { omit: string[] };
  run: (input: TInput<TSchema>, context: TActionContext) => Promise<TResult>;
  /** Paths whose cached pages the change affects. */
  revalidate?: readonly string[] | ((input: TInput<TSchema>, result: TResult) => readonly string[]);
  /** After a successful run: where to go, or the state to show. Default `{ ok: true }`. */
  done?: (result: TResult, input: TInput<TSchema>, context: TActionContext) => TOutcome<NoInfer<TState>> | Promise<TOutcome<NoInfer<TState>>>;
  /** Failures this action maps itself, before the shared ones (return undefined to pass). */
  fail?: (error: unknown, values: Record<string, string> | undefined) => NoInfer<TState> | undefined;
};

/** A server action as useActionState calls it. */
export type TFormAction<TState> = (previous: TState, formData: FormData) => Promise<TState>;

/** The submitted text fields, for the form to show again (never `$` fields, passwords or `omit`). */
export function formValues(formData: FormData, omit: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !/password/i.test(key) && !omit.includes(key)) values[key] = value;
  }
  return values;
}

/**
 * One code per field (the first issue is the one to fix first); an issue with no path goes under "_".
 * Schema messages are catalogue codes by convention, which zod's types cannot carry;
 * tests/unit/i18n-catalogues.test.ts checks that every one written in a schema has its message.
 */
export function zodFieldErrors(error: z.ZodError): TFieldErrors {
  return fieldErrorsOf(error.issues);
}

const withValues = (state: TActionState, values: Record<string, string> | undefined): TActionState => (values ? { ...state, values } : state);

/** The known failures as a state; anything else is logged and shown as a generic error. */
export function failureState(error: unknown, values?: Record<string, string>): TActionState {
  if (error instanceof AuthzError) return withValues({ ok: false, error: error.code }, values);
  if (error instanceof StaleEditError) return withValues({ ok: false, error: "stale" }, values);
  if (error instanceof DomainError) {
    const problem = error.problem;
    if (problem.field !== undefined) return withValues({ ok: false, error: "checkFields", fieldErrors: { [problem.field]: problem.code } }, values);
    return withValues({ ok: false, error: problem.code }, values);
  }
  if (error instanceof z.ZodError) return withValues({ ok: false, error: "checkFields", fieldErrors: zodFieldErrors(error) }, values);
  console.error("[action] unexpected error", error);
  return withValues({ ok: false, error: "unexpected" }, values);
}

/** Field errors from the schema and from `check`, as one state; null when there are none. */
function invalidState(zodError: z.ZodError | null, extra: TFieldErrors | null, values: Record<string, string> | undefined): TActionState | null {
  if (!zodError && !extra) return null;
  const fieldErrors = { ...(zodError ? zodFieldErrors(zodError) : {}), ...(extra ?? {}) };
  return withValues({ ok: false, error: "checkFields", fieldErrors }, values);
}

/**
 * Builds a server action from its steps. Use as `export const xAction = formAction({ … })` in a
 * "use server" module: the result is an async function, as Next requires of its exports.
 */
export function formAction<TSchema extends z.ZodType | undefined = undefined, TResult = void, TState extends TActionState = TActionState>(
  spec: TFormActionSpec<TSchema, TResult, TState>,
): TFormAction<TState> {
  // A form's own state only adds optional keys to TActionState (its initial state is { ok: false }),
  // so the shared failure states are states of every form.
  const asState = (state: TActionState) => state as TState;

  return async function action(_previous: TState, formData: FormData): Promise<TState> {
    const values = spec.echo === false ? undefined : formValues(formData, spec.echo?.omit);
    const fail = (error: unknown) => spec.fail?.(error, values) ?? asState(failureState(error, values));

    const checked = spec.check?.(formData) ?? null;
    if (checked && "error" in checked) return asState(withValues({ ok: false, error: checked.error }, values));
    const extra = checked?.fieldErrors ?? null;

    let input: TInput<TSchema>;
    if (spec.schema) {
      const parsed = spec.schema.safeParse(spec.input ? spec.input(formData) : Object.fromEntries(formData));
      if (!parsed.success && spec.invalid) return asState({ ok: false, error: spec.invalid });
      const invalid = invalidState(parsed.success ? null : parsed.error, extra, values);
      if (invalid) return asState(invalid);
      input = parsed.data as TInput<TSchema>;
    } else {
      if (extra) return asState(withValues({ ok: false, error: "checkFields", fieldErrors: extra }, values));
      input = formData as TInput<TSchema>;
    }

    let context: TActionContext;
    let result: TResult;
    try {
      context = { formData, user: spec.permission ? await authorize(spec.permission) : null };
      result = await spec.run(input, context);
    } catch (error) {
      return fail(error);
    }
    // Only the authorization and the server function are failures the form shows; what follows
    // a saved change runs outside the catch, so `redirect()` (which throws) reaches Next.
    const paths = typeof spec.revalidate === "function" ? spec.revalidate(input, result) : (spec.revalidate ?? []);
    for (const path of paths) revalidatePath(path);
    const outcome = spec.done ? await spec.done(result, input, context) : asState({ ok: true });
    if ("redirect" in outcome && typeof outcome.redirect === "string") redirect(outcome.redirect);
    return outcome as TState;
  };
}
