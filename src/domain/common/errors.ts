import type { TAccountsErrorCode, TAccountsFieldErrorCode } from "@/domain/accounts/errors";
import type { TAgenciesErrorCode, TAgenciesFieldErrorCode } from "@/domain/agencies/errors";
import type { TAssociationErrorCode, TAssociationFieldErrorCode } from "@/domain/association/errors";
import type { TCredentialsErrorCode, TCredentialsFieldErrorCode } from "@/domain/credentials/errors";
import type { TOrganizationsFieldErrorCode } from "@/domain/organizations/errors";
import type { TPostsErrorCode, TPostsFieldErrorCode } from "@/domain/posts/errors";
import type { TPractitionersErrorCode, TPractitionersFieldErrorCode } from "@/domain/practitioners/errors";
import type { TRegistrationsErrorCode, TRegistrationsFieldErrorCode } from "@/domain/registrations/errors";
import type { TStaffErrorCode, TStaffFieldErrorCode } from "@/domain/staff/errors";

// Codes are catalogue keys (see src/lib/message-key.ts): a plain code lives under "errors" (form
// level) or "validation" (under a field); a dotted one is a full key in a feature's namespace.
// Each domain lists its own codes; the typecheck proves every one of them is in the catalogue.

/** Shared form-level codes. */
export type TCommonErrorCode = "notFound";

/** Shared field codes, used by many schemas and rules. */
export type TCommonFieldErrorCode =
  | "required"
  | "invalid"
  | "tooLong"
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
  | TCredentialsErrorCode
  | TPostsErrorCode
  | TPractitionersErrorCode
  | TRegistrationsErrorCode
  | TStaffErrorCode;

/** What a field may be refused with, by a schema or by a DomainError with a field. */
export type TFieldErrorCode =
  | TCommonFieldErrorCode
  | TAccountsFieldErrorCode
  | TAgenciesFieldErrorCode
  | TAssociationFieldErrorCode
  | TCredentialsFieldErrorCode
  | TOrganizationsFieldErrorCode
  | TPostsFieldErrorCode
  | TPractitionersFieldErrorCode
  | TRegistrationsFieldErrorCode
  | TStaffFieldErrorCode;

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
