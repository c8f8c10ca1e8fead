/**
 * Codes that actions and schemas return are catalogue keys. A plain code ("required") is a shared
 * key under the given namespace ("validation.required"); a dotted code is already a full key in a
 * feature's namespace ("posts.validation.orgKind", "staff.import.rowErrors.otherEmployer").
 */
export function messageKey(code: string, ns: "validation" | "errors" | "notices"): string {
  return code.includes(".") ? code : `${ns}.${code}`;
}
