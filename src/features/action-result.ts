import "server-only";
import { z } from "zod";
import { AuthzError } from "@/server/auth/session";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import type { TActionState } from "@/domain/common/action-state";


export function formValues(formData: FormData, omit: string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !omit.includes(key)) values[key] = value;
  }
  return values;
}

export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

/** Maps the known failures to a state; anything else is logged and shown as a generic error. */
export function failure(error: unknown, values?: Record<string, string>): TActionState {
  if (error instanceof AuthzError) return { ok: false, error: error.code, values };
  if (error instanceof StaleEditError) return { ok: false, error: "stale", values };
  if (error instanceof DomainError) {
    if (error.field) return { ok: false, error: "checkFields", fieldErrors: { [error.field]: error.code }, values };
    return { ok: false, error: error.code, values };
  }
  if (error instanceof z.ZodError) return { ok: false, error: "checkFields", fieldErrors: zodFieldErrors(error), values };
  console.error("[action] unexpected error", error);
  return { ok: false, error: "unexpected", values };
}
