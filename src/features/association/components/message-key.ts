/**
 * Codes from actions are catalogue keys: plain ones live under the shared "validation" or
 * "errors" namespaces, dotted ones (association.validation.alreadyMember) are full keys.
 */
export function messageKey(code: string, ns: "validation" | "errors"): string {
  return code.includes(".") ? code : `${ns}.${code}`;
}
