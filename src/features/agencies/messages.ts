// Error and validation codes from this domain's actions: a bare word is a shared key under
// "errors" / "validation"; a dotted code is already a full key in the agencies catalogue.
export function errorKey(code: string): string {
  return code.includes(".") ? code : `errors.${code}`;
}

export function validationKey(code: string): string {
  return code.includes(".") ? code : `validation.${code}`;
}
