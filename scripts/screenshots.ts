// Screenshots of the sign-in page and every demo role's home, in zh-Hans and en, into
// docs/screenshots/. Needs a running portal with demo data (npm start) and Chromium.
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
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
}
