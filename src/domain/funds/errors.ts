// Codes of the funds: full keys in the "funds" namespace.

export type TFundsErrorCode = `funds.errors.${"lineExceeded" | "lineNotFound" | "fundExists" | "lineExists" | "beyondCommitment" | "commitmentNotFound"}`;

export type TFundsFieldErrorCode = `funds.validation.${"amount" | "amountBelowUsed" | "amountPositive" | "yearRange"}`;
