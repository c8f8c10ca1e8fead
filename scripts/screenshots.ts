// Screenshots of the sign-in page, every demo role's home and the main pages of each feature,
// in zh-Hans and en, into docs/screenshots/. Needs a running portal with demo data (npm start) and Chromium.
//   npx tsx scripts/screenshots.ts [baseURL=http://localhost:3000]
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, resolveChromium } from "../playwright.config";

const base = process.argv[2] ?? "http://localhost:3000";
const out = path.resolve(import.meta.dirname, "../docs/screenshots");
const ROLES = ["city", "district", "dept", "agency", "worker", "evaluator"];
const LOCALES = [
  { tag: "zh-Hans", browser: "zh-CN" },
  { tag: "en", browser: "en-US" },
];

/** Feature pages: who looks, where, and the file name. `pick` follows the first link matching it from `path`. */
const PAGES: { role: string | null; path: string; name: string; pick?: string }[] = [
  { role: "city", path: "/dashboard/workforce", name: "workforce-dashboard" },
  { role: "city", path: "/agencies", name: "agencies" },
  { role: "city", path: "/agencies", name: "agency-profile", pick: "main table a[href^='/agencies/']" },
  { role: "city", path: "/agencies/applications", name: "applications" },
  { role: "district", path: "/agencies/applications?status=DISTRICT_REVIEW", name: "application-review", pick: "main a[href^='/agencies/applications/']" },
  { role: "city", path: "/posts", name: "posts" },
  { role: "city", path: "/posts", name: "post", pick: "main table a[href^='/posts/']" },
  { role: "city", path: "/association", name: "association" },
  { role: "agency", path: "/practitioners/import", name: "staff-import" },
  { role: "agency", path: "/agencies/mine", name: "my-agency" },
  { role: "worker", path: "/me", name: "me-worker" },
  { role: "district", path: "/credentials/verification?tab=hours", name: "verification-hours" },
  { role: "district", path: "/credentials/verification?tab=renewals", name: "verification-renewals" },
  { role: "city", path: "/dashboard/growth", name: "growth-city" },
  { role: "agency", path: "/notifications", name: "notifications" },
  { role: null, path: "/public/agencies", name: "public-agencies" },
  { role: null, path: "/public/agencies/apply", name: "public-agency-application" },
];

const choice = resolveChromium();
if (!choice.ok) throw new Error(choice.message);
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: choice.executablePath, args: CHROMIUM_ARGS });
try {
  for (const locale of LOCALES) {
    const ctx = await browser.newContext({ baseURL: base, locale: locale.browser, viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto("/login");
    await page.screenshot({ path: path.join(out, `login-${locale.tag}.png`) });
    await ctx.close();
    for (const role of ROLES) {
      const c = await browser.newContext({ baseURL: base, locale: locale.browser, viewport: { width: 1280, height: 800 } });
      const p = await c.newPage();
      await p.goto("/login");
      // The account may have a saved language; pin the one we want through the switcher.
      await p.getByRole("button", { name: locale.tag === "en" ? /English/ : /简体/ }).click();
      await p.waitForLoadState("networkidle");
      const form = p.locator("#login-form");
      await form.locator('input[name="email"]').fill(`${role}@demo.local`);
      await form.locator('input[name="password"]').fill("demo-password-2026");
      await form.locator('button[type="submit"]').click();
      await p.getByTestId("home-scope").waitFor();
      await p.screenshot({ path: path.join(out, `home-${role}-${locale.tag}.png`), fullPage: true });
      await c.close();
    }
  }
  for (const locale of LOCALES) {
    for (const shot of PAGES) {
      const c = await browser.newContext({ baseURL: base, locale: locale.browser, viewport: { width: 1280, height: 800 } });
      const p = await c.newPage();
      await p.goto(shot.role ? "/login" : shot.path);
      await p.getByRole("button", { name: locale.tag === "en" ? /English/ : /简体/ }).first().click();
      await p.waitForLoadState("networkidle");
      if (shot.role) {
        const form = p.locator("#login-form");
        await form.locator('input[name="email"]').fill(`${shot.role}@demo.local`);
        await form.locator('input[name="password"]').fill("demo-password-2026");
        await form.locator('button[type="submit"]').click();
        await p.getByTestId("home-scope").waitFor();
        await p.goto(shot.path);
      }
      if (shot.pick) {
        await p.locator(shot.pick).first().click();
        await p.waitForURL((u) => u.pathname !== new URL(shot.path, base).pathname);
      }
      await p.waitForLoadState("networkidle");
      await p.screenshot({ path: path.join(out, `${shot.name}-${locale.tag}.png`), fullPage: true });
      await c.close();
    }
  }
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
}
