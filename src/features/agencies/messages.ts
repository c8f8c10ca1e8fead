import { messageKey } from "@/lib/message-key";
import type { TActionErrorCode } from "@/domain/common/action-state";
import type { TFieldErrorCode } from "@/domain/common/errors";

// Error and validation codes from this domain's actions, as catalogue keys (see messageKey).
export const errorKey = (code: TActionErrorCode) => messageKey(code, "errors");
export const validationKey = (code: TFieldErrorCode) => messageKey(code, "validation");
