// E2E: real Chromium against a production build. scripts/e2e.ts (npm run test:e2e) starts the
// database and `next start`, then runs Playwright with E2E_BASE_URL, E2E_DATABASE_URL and
// E2E_AUTH_SECRET (the specs build their own records and sign in without the form, e2e/fixtures.ts);
// run directly (`npx playwright test`) it expects a portal already on http://localhost:3000
// (npm start) and those two variables set to its database and AUTH_SECRET.
import fs from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

/** Flags that let Chromium run as root in a container, and keep it off the network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export type ChromiumChoice = { ok: true; executablePath?: string; source: string } | { ok: false; message: string };

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download, else a clear error. */
export function resolveChromium(): ChromiumChoice {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    return fs.existsSync(fromEnv)
      ? { ok: true, executablePath: fromEnv, source: `CHROMIUM_PATH=${fromEnv}` }
      : { ok: false, message: `CHROMIUM_PATH=${fromEnv} does not exist.` };
  }
  if (fs.existsSync("/usr/bin/chromium")) return { ok: true, executablePath: "/usr/bin/chromium", source: "/usr/bin/chromium" };
  const bundled = chromium.executablePath();
  if (bundled && fs.existsSync(bundled)) return { ok: true, source: `Playwright's Chromium (${bundled})` };
  return {
    ok: false,
    message:
      "No Chromium for the e2e tests. Install one of:\n" +
      "  apt-get install -y chromium        (Debian/Ubuntu; used from /usr/bin/chromium)\n" +
      "  npx playwright install chromium    (Playwright's own build; needs internet)\n" +
      "or point CHROMIUM_PATH at a Chromium/Chrome executable.",
  };
}

const browser = resolveChromium();

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "e2e/.artifacts",
  // Two cores: the server, the database and the browsers share them.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // No retries: a flaky test is a failing test here.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT ?? "test-results/e2e.json" }]],
  use: {
    // localhost, not 127.0.0.1: Auth.js builds its callback URLs with localhost.
    baseURL: process.env.E2E_BASE_URL ?? "http://localhost:3000",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: browser.ok ? browser.executablePath : undefined,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
});
