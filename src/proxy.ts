import { NextResponse } from "next/server";
import { auth } from "@/server/auth/config";

// The proxy only redirects and keeps the idle timer sliding (Auth.js re-issues the cookie);
// it is never the gate: every page and action checks the caller itself in src/server.
const PUBLIC_PREFIXES = ["/login", "/set-password", "/api/", "/public", "/forbidden"];

export default auth((req) => {
  const { pathname, search } = req.nextUrl;
  if (PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p.endsWith("/") ? p : `${p}/`))) return NextResponse.next();
  if (!req.auth) {
    const url = new URL("/login", req.nextUrl.origin);
    if (pathname !== "/") url.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:png|svg|ico|jpg|webp)$).*)"],
};
