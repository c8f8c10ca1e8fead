// The portal's Content-Security-Policy (issue 10, hole 9), written by the proxy (src/proxy.ts)
// with a fresh nonce for every page. Next.js reads the nonce from the request's policy header and
// puts it on its own scripts; 'strict-dynamic' lets those load the rest of the bundle. Nothing else
// may run: no inline script without the nonce, no plugins, no <base>, no framing by other sites.
// Styles keep 'unsafe-inline': React writes style attributes (chart sizes, progress bars), which
// nonces cannot cover, and a style cannot run code.

export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    // 'unsafe-eval' only in development (React's dev build reconstructs stacks with eval).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    // The portal's own scans may be shown inside its pages (a viewer route that itself allows
    // frame-ancestors 'self'); nothing else is framed.
    "frame-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** HSTS for a portal served over https: browsers then refuse plain http to it for a year. */
export function strictTransportSecurity(appUrl: string | undefined): string | null {
  return appUrl?.startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;
}

/** 128 random bits, base64: a nonce no one can guess. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
