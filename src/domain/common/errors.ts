import type { TAccountsErrorCode, TAccountsFieldErrorCode } from "@/domain/accounts/errors";
import type { TAgenciesErrorCode, TAgenciesFieldErrorCode } from "@/domain/agencies/errors";
import type { TAssociationErrorCode, TAssociationFieldErrorCode } from "@/domain/association/errors";
import type { TContractsErrorCode, TContractsFieldErrorCode } from "@/domain/contracts/errors";
import type { TCredentialsErrorCode, TCredentialsFieldErrorCode } from "@/domain/credentials/errors";
import type { TEvaluationOutcomeErrorCode, TEvaluationOutcomeFieldErrorCode } from "@/domain/evaluation-outcome/errors";
import type { TEvaluationsErrorCode, TEvaluationsFieldErrorCode } from "@/domain/evaluations/errors";
import type { TExamsErrorCode, TExamsFieldErrorCode } from "@/domain/exams/errors";
import type { TFundsErrorCode, TFundsFieldErrorCode } from "@/domain/funds/errors";
import type { TOrganizationsFieldErrorCode } from "@/domain/organizations/errors";
import type { TPlanFieldErrorCode } from "@/domain/plan/errors";
import type { TPostsErrorCode, TPostsFieldErrorCode } from "@/domain/posts/errors";
import type { TPractitionersErrorCode, TPractitionersFieldErrorCode } from "@/domain/practitioners/errors";
import type { TRegistrationsErrorCode, TRegistrationsFieldErrorCode } from "@/domain/registrations/errors";
import type { TServiceCallsErrorCode, TServiceCallsFieldErrorCode } from "@/domain/service-calls/errors";
import type { TRotationErrorCode, TRotationFieldErrorCode } from "@/domain/rotation/errors";
import type { TScoringErrorCode, TScoringFieldErrorCode } from "@/domain/scoring/errors";
import type { TStaffErrorCode, TStaffFieldErrorCode } from "@/domain/staff/errors";
import type { TSupervisionErrorCode, TSupervisionFieldErrorCode } from "@/domain/supervision/errors";
import type { TSpotChecksErrorCode, TSpotChecksFieldErrorCode } from "@/domain/spot-checks/errors";
import type { TWorkCalendarErrorCode, TWorkCalendarFieldErrorCode } from "@/domain/work-calendar/errors";
import type { TTrainingsErrorCode, TTrainingsFieldErrorCode } from "@/domain/trainings/errors";

// Codes are catalogue keys (see src/lib/message-key.ts): a plain code lives under "errors" (form
// level) or "validation" (under a field); a dotted one is a full key in a feature's namespace.
// Each domain lists its own codes; the typecheck proves every one of them is in the catalogue.

/** Shared form-level codes. */
export type TCommonErrorCode = "notFound";

/**
 * Shared field codes, used by many schemas and rules. "tooLong" carries its limit, which the
 * message states ("tooLong:64"): schemas write `.max(64, "tooLong")`, and fieldErrorCode adds it.
 */
export type TCommonFieldErrorCode =
  | "required"
  | "invalid"
  | `tooLong:${number}`
  | "email"
  | "date"
  | "phone"
  | "year"
  | "dateInFuture"
  | "statusDateOrder"
  | "employerNotAllowed";

/** What a DomainError without a field may say: shown above the form. */
export type TDomainErrorCode =
  | TCommonErrorCode
  | TAccountsErrorCode
  | TAgenciesErrorCode
  | TAssociationErrorCode
  | TContractsErrorCode
  | TCredentialsErrorCode
  | TEvaluationOutcomeErrorCode
  | TEvaluationsErrorCode
  | TExamsErrorCode
  | TFundsErrorCode
  | TPostsErrorCode
  | TPractitionersErrorCode
  | TRegistrationsErrorCode
  | TRotationErrorCode
  | TServiceCallsErrorCode
  | TScoringErrorCode
  | TStaffErrorCode
  | TSupervisionErrorCode
  | TTrainingsErrorCode
  | TSpotChecksErrorCode
  | TWorkCalendarErrorCode;

/** What a field may be refused with, by a schema or by a DomainError with a field. */
export type TFieldErrorCode =
  | TCommonFieldErrorCode
  | TAccountsFieldErrorCode
  | TAgenciesFieldErrorCode
  | TAssociationFieldErrorCode
  | TContractsFieldErrorCode
  | TCredentialsFieldErrorCode
  | TEvaluationOutcomeFieldErrorCode
  | TEvaluationsFieldErrorCode
  | TExamsFieldErrorCode
  | TFundsFieldErrorCode
  | TOrganizationsFieldErrorCode
  | TPlanFieldErrorCode
  | TPostsFieldErrorCode
  | TPractitionersFieldErrorCode
  | TRegistrationsFieldErrorCode
  | TRotationFieldErrorCode
  | TServiceCallsFieldErrorCode
  | TScoringFieldErrorCode
  | TStaffFieldErrorCode
  | TSupervisionFieldErrorCode
  | TTrainingsFieldErrorCode
  | TSpotChecksFieldErrorCode
  | TWorkCalendarFieldErrorCode;

/** Thrown when a `version` check fails: someone else saved the record first. */
export class StaleEditError extends Error {
  constructor() {
    super("stale");
  }
}

/** Either a form-level refusal, or one tied to a field of the form. */
export type TDomainProblem = { code: TDomainErrorCode; field?: undefined } | { code: TFieldErrorCode; field: string };

/** A domain rule refused the change. With a field, the form shows `code` under that field. */
export class DomainError extends Error {
  readonly code: TDomainErrorCode | TFieldErrorCode;
  readonly field: string | undefined;
  /** The same code and field, as a union the action state can be built from without casts. */
  readonly problem: TDomainProblem;

  constructor(code: TDomainErrorCode);
  constructor(code: TFieldErrorCode, field: string);
  constructor(code: TDomainErrorCode | TFieldErrorCode, field?: string) {
    super(code);
    this.code = code;
    this.field = field;
    this.problem = (field === undefined ? { code } : { code, field }) as TDomainProblem;
  }
}

type TIssue = { code: string; message: string; path?: readonly PropertyKey[]; maximum?: unknown };

/**
 * A schema's issues as field errors, keyed by the field's path ("awards.0.name"): one code per
 * field, the first (the one to fix first); an issue with no path goes under "_".
 */
export function fieldErrorsOf(issues: readonly TIssue[]): Record<string, TFieldErrorCode> {
  const out: Record<string, TFieldErrorCode> = {};
  for (const issue of issues) out[(issue.path ?? []).map(String).join(".") || "_"] ??= fieldErrorCode(issue);
  return out;
}

/**
 * A zod issue as a field code: its message is the code (schemas write catalogue keys), and a
 * "tooLong" gets the limit it broke ("tooLong:64"), for a message that says how long is allowed.
 */
export function fieldErrorCode(issue: TIssue): TFieldErrorCode {
  if (issue.message === "tooLong" && issue.code === "too_big" && (typeof issue.maximum === "number" || typeof issue.maximum === "bigint")) return `tooLong:${Number(issue.maximum)}`;
  return issue.message as TFieldErrorCode;
}
