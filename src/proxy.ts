import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/server/auth/config";
import { env } from "@/env";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/csp";

// The proxy redirects, keeps the idle timer sliding (Auth.js re-issues the cookie) and writes the
// security headers of every page; it is never the gate: every page and action checks the caller
// itself in src/server.
const PUBLIC_PREFIXES = ["/login", "/set-password", "/api/", "/public", "/forbidden"];

const HSTS = strictTransportSecurity(env.APP_URL);

/**
 * A page gets a Content-Security-Policy with a fresh nonce: on the request (Next.js reads it there
 * and puts the nonce on its scripts) and on the response. Route handlers under /api/ write their
 * own headers (downloads carry a sandboxing policy) and are left alone.
 */
function withSecurityHeaders(req: NextRequest, respond: (init?: { request: { headers: Headers } }) => NextResponse): NextResponse {
  if (req.nextUrl.pathname.startsWith("/api/")) return respond();
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: env.NODE_ENV === "development", https: !!HSTS });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const res = respond({ request: { headers: requestHeaders } });
  res.headers.set("content-security-policy", policy);
  if (HSTS) res.headers.set("strict-transport-security", HSTS);
  return res;
}

export default auth((req) => {
  const { pathname, search } = req.nextUrl;
  if (PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p.endsWith("/") ? p : `${p}/`))) return withSecurityHeaders(req, (init) => NextResponse.next(init));
  if (!req.auth) {
    const url = new URL("/login", req.nextUrl.origin);
    if (pathname !== "/") url.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  return withSecurityHeaders(req, (init) => NextResponse.next(init));
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:png|svg|ico|jpg|webp)$).*)"],
};
