import { messageKey } from "@/lib/message-key";

// Error and validation codes from this domain's actions, as catalogue keys (see messageKey).
export const errorKey = (code: string): string => messageKey(code, "errors");
export const validationKey = (code: string): string => messageKey(code, "validation");
