import { test, expect } from "./fixtures";

// Issue 10, holes 4 and 9, against the real server the portal ships (scripts/portal-server.ts in
// front of the production build).

test("every page carries a Content-Security-Policy with a fresh nonce that Next.js puts on each of its scripts", async ({ request }) => {
  const nonces: string[] = [];
  for (const path of ["/login", "/public/verify", "/login"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const policy = res.headers()["content-security-policy"] ?? "";
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "default-src 'self'"]) expect(policy, path).toContain(directive);
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(policy)?.[1];
    expect(nonce, `${path}: a nonce in script-src`).toBeTruthy();
    expect(policy, "no inline scripts without the nonce, no eval in production").not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    expect(scripts.filter((s) => !s.includes(`nonce="${nonce}"`)), `${path}: scripts without the nonce`).toEqual([]);
    // No HSTS over plain http (it is sent when APP_URL is https).
    expect(res.headers()["strict-transport-security"]).toBeUndefined();
    nonces.push(nonce!);
  }
  expect(new Set(nonces).size, "a fresh nonce per response").toBe(nonces.length);
});

test("the client address is the socket's: a forged X-Forwarded-For or private header does not choose the rate-limit bucket", async ({ playwright, baseURL, db }) => {
  const forged = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": forged, "x-portal-peer-address": forged, "x-real-ip": forged } });
  const since = new Date(Date.now() - 1000);
  const res = await api.get(`/public/verify?number=${encodeURIComponent(`NOPE-${Date.now()}`)}`);
  expect(res.status()).toBe(200);
  await api.dispose();
  const hits = await db.rateLimitHit.findMany({ where: { bucket: "public.verify", createdAt: { gte: since } }, select: { key: true } });
  expect(hits.length).toBeGreaterThan(0);
  expect(hits.map((h) => h.key)).not.toContain(forged);
  expect(hits.every((h) => ["127.0.0.1", "::1"].includes(h.key))).toBe(true);
});
