// Where the portal may send a browser after an action: only a path on this very site.
// A prefix check is not enough: the URL parser drops tabs and newlines and reads "\" as "/", so
// "/\t/example.org" or "/\\example.org" would leave the site. The value is resolved against a
// fixed origin and kept only if it stays there; control characters and backslashes are refused.

const BASE = "http://portal.invalid";

/** The same-origin path (with query and fragment) `value` names, or null when it is not one. */
export function sameOriginPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return null;
  if (!value.startsWith("/")) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `sameOriginPath(value)`, or `fallback` when it is not a path on this site. */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  return sameOriginPath(value) ?? fallback;
}
