// Shared Playwright fixtures: import { test, expect } from "./fixtures" in every spec.
//   expectNoA11yViolations(page, { widths }): axe-core, WCAG 2.0/2.1 A and AA rules and axe's
//     best practices (unique landmarks, all content in landmarks, heading order…), on the page as it
//     is now at its current width, then at each of `widths` (e.g. [390] for a phone); any violation
//     fails, whatever its impact (minor and moderate included).
//   login(pageOrContext, who): signs in without the form (e2e/session.ts); `who` is an e-mail
//     address or a user row (e.g. from the factories). Navigate afterwards: it only sets the cookie.
//   db: the test database (e2e/db.ts), for the records a spec builds for itself (e2e/world.ts).
//   Every test fails on a next-intl MISSING_MESSAGE error in the browser console (see `context`),
//   and on any Content-Security-Policy violation the browser reports, in every context a test
//   opens (see `browser` and `cspGuard`): the portal runs with its CSP on (issue 10, hole 9).
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { connectTestDatabase, type TDb } from "./db";
import { loginDirect, type TSessionUser } from "./session";

export { expect };
export type { Locator, Page } from "@playwright/test";

export const WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** What axe checks: WCAG 2.1 AA and axe's best practices, which hold most "moderate" rules (landmarks, headings). */
export const AXE_TAGS = [...WCAG_21_AA_TAGS, "best-practice"];
/** A phone's viewport: the width every list page is also checked at. */
export const PHONE = { width: 390, height: 844 };

export interface A11yOptions {
  /** CSS selectors to leave out, e.g. a third-party widget; say why at the call site. */
  exclude?: string[];
  /** axe rule ids to skip; say why at the call site. */
  disableRules?: string[];
  /** Also check at these viewport widths (px), after the current one; the page's own size is restored. */
  widths?: number[];
}

async function axeAt(page: Page, options: A11yOptions, testInfo?: TestInfo): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const { violations } = await builder.analyze();
  const width = page.viewportSize()?.width ?? 0;
  if (violations.length > 0 && testInfo) {
    await testInfo.attach(`axe-violations-${new URL(page.url()).pathname}-${width}px`, {
      body: JSON.stringify(violations, null, 2),
      contentType: "application/json",
    });
  }
  return violations.map((v) => `${width}px ${v.id} [${v.impact ?? "?"}] ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
}

export async function expectNoA11yViolations(page: Page, options: A11yOptions = {}, testInfo?: TestInfo): Promise<void> {
  // Next streams a dynamic page's metadata after its content: wait until the <title> has arrived,
  // or axe may run before it and report a title that the page does have (a page that never gets
  // one still fails, here or in axe's document-title rule).
  await expect(page, `the page's <title> on ${page.url()}`).toHaveTitle(/\S/);
  const summary = await axeAt(page, options, testInfo);
  const own = page.viewportSize();
  for (const width of options.widths ?? []) {
    if (width === own?.width) continue;
    await page.setViewportSize({ width, height: width < 640 ? PHONE.height : (own?.height ?? 800) });
    // Let the layout (and a chart's resize observer) settle at the new width.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    summary.push(...(await axeAt(page, options, testInfo)));
  }
  if (own && options.widths?.length) await page.setViewportSize(own);
  expect(summary, `accessibility violations (WCAG 2.1 AA and best practices) on ${page.url()}`).toEqual([]);
}

/** CSP violations reported by the browser during the current test (one worker runs one test at a time). */
const cspViolations = new Set<string>();
const watched = new WeakSet<BrowserContext>();

function watchCsp(context: BrowserContext): void {
  if (watched.has(context)) return;
  watched.add(context);
  context.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Content-Security-Policy/i.test(text)) cspViolations.add(`${message.page()?.url() ?? "?"}: ${text.split("\n")[0]}`);
  });
}

export const test = base.extend<
  {
    expectNoA11yViolations: (page: Page, options?: A11yOptions) => Promise<void>;
    login: (target: Page | BrowserContext, who: string | { id: string }) => Promise<TSessionUser>;
    cspGuard: void;
  },
  { db: TDb }
>({
  // Every context a test opens (browser.newContext included) reports CSP violations to the guard.
  browser: [
    async ({ browser }, provide) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const context = await newContext(...args);
        watchCsp(context);
        return context;
      };
      await provide(browser);
    },
    { scope: "worker" },
  ],
  cspGuard: [
    async ({}, provide) => {
      cspViolations.clear();
      await provide();
      expect([...cspViolations], "Content-Security-Policy violations reported by the browser").toEqual([]);
    },
    { auto: true },
  ],
  db: [
    async ({}, provide) => {
      const db = connectTestDatabase();
      await provide(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
  expectNoA11yViolations: async ({}, provide, testInfo) => {
    await provide((page, options) => expectNoA11yViolations(page, options, testInfo));
  },
  login: async ({ db, baseURL }, provide) => {
    await provide((target, who) => loginDirect(db, baseURL!, target, who));
  },
  // A client component renders only the namespaces its server wrapper lists (withMessages); one
  // it lacks shows its key and next-intl logs MISSING_MESSAGE in the browser: that fails the test.
  context: async ({ context }, provide) => {
    const missing: string[] = [];
    watchCsp(context);
    context.on("console", (message) => {
      if (message.type() === "error" && message.text().includes("MISSING_MESSAGE")) missing.push(`${message.page()?.url() ?? "?"}: ${message.text().split("\n")[0]}`);
    });
    await provide(context);
    expect(missing, "client components rendered messages their withMessages list lacks").toEqual([]);
  },
});
