// Codes the credential workflow refuses with: form-level ones under "errors", field ones under "validation".

export type TCredentialsErrorCode = "cannotDecideOwn" | "invalidTransition";

export type TScanProblemCode = "scanRequired" | "scanTooLarge" | "scanType";

export type TCredentialsFieldErrorCode = TScanProblemCode | "reasonRequired" | "duplicateCredential" | "batchNone";
