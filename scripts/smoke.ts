// Clicks through every navigation entry of every demo role in each language, plus the detail
// page behind the first link of each list, and reports any non-200 answer, page error or console
// error. Needs a running portal with demo data.
//   npx tsx scripts/smoke.ts [baseURL=http://localhost:3000]
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, resolveChromium } from "../playwright.config";

const base = process.argv[2] ?? "http://localhost:3000";
const ROLES = process.env.SMOKE_ROLES ? process.env.SMOKE_ROLES.split(",") : ["city", "district", "dept", "agency", "worker", "evaluator"];
const ALL_LOCALES = [
  { button: /简体/, lang: "zh-Hans" },
  { button: /繁體/, lang: "zh-Hant" },
  { button: /English/, lang: "en" },
];
const LOCALES = process.env.SMOKE_LANGS ? ALL_LOCALES.filter((l) => process.env.SMOKE_LANGS!.split(",").includes(l.lang)) : ALL_LOCALES;

const choice = resolveChromium();
if (!choice.ok) throw new Error(choice.message);
// Problems are printed as they are found (a full run of 6 roles × 3 languages takes ~20 minutes).
const problems = {
  list: [] as string[],
  push(p: string) {
    this.list.push(p);
    console.log(`PROBLEM ${p}`);
  },
};
let visited = 0;
for (const locale of LOCALES) {
    for (const role of ROLES) {
      // A browser per role and language: one browser for ~150 pages crashed Chromium here.
      const browser = await chromium.launch({ executablePath: choice.executablePath, args: CHROMIUM_ARGS });
      const ctx = await browser.newContext({ baseURL: base });
      const page = await ctx.newPage();
      page.on("crash", () => problems.push(`${role}/${locale.lang} ${page.url()}: renderer crashed`));
      page.on("pageerror", (e) => problems.push(`${role}/${locale.lang} ${page.url()}: page error ${e.message}`));
      page.on("response", (r) => {
        if (r.status() >= 400 && !r.url().includes("/login")) problems.push(`${role}/${locale.lang} ${page.url()}: ${r.status()} ${r.url()}`);
      });
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(`${role}/${locale.lang} ${page.url()}: console ${m.text()}`);
      });
      await page.goto("/login");
      await page.getByRole("button", { name: locale.button }).first().click();
      await page.waitForLoadState("networkidle");
      const form = page.locator("#login-form");
      await form.locator('input[name="email"]').fill(`${role}@demo.local`);
      await form.locator('input[name="password"]').fill("demo-password-2026");
      await form.locator('button[type="submit"]').click();
      await page.getByTestId("home-scope").waitFor();
      const hrefs = await page.locator("nav[aria-label] a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!).filter((h) => h.startsWith("/")));
      const detail: string[] = [];
      for (const href of hrefs) {
        if (process.env.SMOKE_VERBOSE) console.log(role, locale.lang, href);
        const res = await page.goto(href).catch((e: Error) => {
          problems.push(`${role}/${locale.lang} ${href}: ${e.message.split("\n")[0]}`);
          return null;
        });
        if (!res) break;
        visited++;
        const lang = await page.locator("html").getAttribute("lang");
        if (res?.status() !== 200) problems.push(`${role}/${locale.lang} ${href}: HTTP ${res?.status()}`);
        if (lang !== locale.lang) problems.push(`${role}/${locale.lang} ${href}: html lang ${lang}`);
        // The first record link inside the page's table, if any (a detail page).
        const first = await page.locator("main table a[href^='/']").first().getAttribute("href").catch(() => null);
        if (first && !first.includes("?")) detail.push(first);
      }
      for (const href of detail) {
        if (process.env.SMOKE_VERBOSE) console.log(role, locale.lang, "detail", href);
        const res = await page.goto(href).catch((e: Error) => {
          problems.push(`${role}/${locale.lang} ${href}: ${e.message.split("\n")[0]}`);
          return null;
        });
        if (!res) break;
        visited++;
        if (res?.status() !== 200) problems.push(`${role}/${locale.lang} ${href}: HTTP ${res?.status()}`);
      }
      await browser.close();
    }
  }
console.log(`${visited} pages visited`);
console.log(`${problems.list.length} problem(s)`);
process.exit(problems.list.length ? 1 : 0);
