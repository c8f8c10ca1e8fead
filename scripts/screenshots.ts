// Screenshots of every page each demo role reaches, at 1280 px and 390 px, in zh-Hans and en,
// and one contact sheet per role (an HTML page with the shots in a grid, and a PNG of it).
// Needs a running portal with demo data (npm start) and Chromium. Output: screenshots/ (ignored by git).
//   npx tsx scripts/screenshots.ts [--base http://localhost:3000] [--roles city,worker,public]
//     [--widths 1280,390] [--locales zh-Hans,en] [--only verification,agencies] [--out screenshots]
// Which pages: the role's menu, then inside each menu page the links to other portal pages (a
// record, a tab, a "new" form), one per route shape (/agencies/<id> once), plus a missing page
// and a page the role may not open. "public" is the signed-out visitor: sign-in and public pages.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, resolveChromium } from "../playwright.config";

const HELP = `Usage: npx tsx scripts/screenshots.ts [options]
  --base URL        portal with demo data (default http://localhost:3000; a bare first argument works too)
  --roles LIST      city,district,dept,agency,worker,evaluator,training,expert,public (default: all)
  --widths LIST     viewport widths in px (default 1280,390)
  --locales LIST    zh-Hans,zh-Hant,en (default zh-Hans,en)
  --only LIST       only pages whose path contains one of these words
  --paths LIST      exactly these pages instead of those found from the role's menu
  --out DIR         output folder (default screenshots/)
Writes <out>/<role>/<page>.<locale>.<width>.png, <out>/<role>.html and the contact sheet
<out>/sheet-<role>.png (rows: pages; columns: locale × width), and <out>/index.html.`;

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(HELP);
  process.exit(0);
}
function option(name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}
const list = (value: string | undefined, fallback: string[]) => (value ? value.split(",").map((s) => s.trim()).filter(Boolean) : fallback);

const base = option("base") ?? (args[0] && !args[0].startsWith("--") ? args[0] : "http://localhost:3000");
const ALL_ROLES = ["city", "district", "dept", "agency", "worker", "evaluator", "training", "expert", "public"];
const roles = list(option("roles"), ALL_ROLES);
const widths = list(option("widths"), ["1280", "390"]).map(Number);
/**
 * Per page language: the switcher's button, the browser's locale (Accept-Language, Intl) and the
 * POSIX locale Chromium takes its own controls' words and formats from ("Choose File", a date
 * field's "mm/dd/yyyy"): Chromium reads that one at launch, so each language gets its own browser.
 * Debian needs the chromium-l10n package for languages other than English.
 */
const LOCALE_BUTTONS: Record<string, { button: RegExp; browser: string; posix: string }> = {
  "zh-Hans": { button: /简体/, browser: "zh-CN", posix: "zh_CN" },
  "zh-Hant": { button: /繁體/, browser: "zh-TW", posix: "zh_TW" },
  en: { button: /English/, browser: "en-US", posix: "en_US" },
};
const TIMEZONE = "Asia/Shanghai";
const locales = list(option("locales"), ["zh-Hans", "en"]);
const only = option("only") ? list(option("only"), []) : null;
const paths = option("paths") ? list(option("paths"), []) : null;
const out = path.resolve(option("out") ?? path.join(import.meta.dirname, "../screenshots"));
const HEIGHT = 800;
const MAX_PAGES_PER_ROLE = 60;

for (const l of locales) if (!LOCALE_BUTTONS[l]) throw new Error(`unknown locale ${l}`);
for (const r of roles) if (!ALL_ROLES.includes(r)) throw new Error(`unknown role ${r}`);

/** Pages every signed-out visitor reaches; signed-in roles add what their menu leads to. */
const PUBLIC_PAGES = ["/login", "/public", "/public/verify", "/public/verify/bulk", "/public/agencies", "/public/agencies/apply", "/public/calls", "/no-such-page"];
/** A page each role may not open (403), and one that does not exist (404). */
const REFUSED: Record<string, string> = { district: "/admin/audit", dept: "/admin/audit", agency: "/admin/audit", worker: "/admin/audit", evaluator: "/admin/audit", training: "/admin/audit", expert: "/admin/audit", city: "/practitioners/import" };

/** /agencies/cmabc123…/edit → /agencies/:id/edit, so each kind of page is taken once. */
function shape(href: string): string {
  const url = new URL(href, base);
  // Records' ids (cuids, demo-pr-0003) have digits; the portal's own path words have none.
  const parts = url.pathname.split("/").map((s) => (s.length >= 6 && /\d/.test(s) ? ":id" : s));
  const tab = url.searchParams.get("tab");
  return parts.join("/") + (tab ? `?tab=${tab}` : "");
}

const slug = (href: string) => shape(href).replace(/^\//, "").replace(/[/?=:]+/g, "_").replace(/_+$/, "") || "home";

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle", { timeout: 8_000 }).catch(() => {});
  // Charts draw after their container is measured.
  await page.waitForTimeout(300);
}

async function signIn(page: Page, role: string, locale: string): Promise<void> {
  await page.goto("/login");
  await page.getByRole("button", { name: LOCALE_BUTTONS[locale]!.button }).first().click();
  await page.waitForLoadState("networkidle");
  if (role === "public") return;
  const form = page.locator("#login-form");
  await form.locator('input[name="email"]').fill(`${role}@demo.local`);
  await form.locator('input[name="password"]').fill("demo-password-2026");
  await form.locator('button[type="submit"]').click();
  await page.getByTestId("home-scope").waitFor();
  // The account keeps its own language: pin the one wanted through the header's switcher.
  const pressed = await page.locator(`header button[lang="${locale}"]`).first().getAttribute("aria-pressed");
  if (pressed !== "true") {
    await page.locator(`header button[lang="${locale}"]`).first().click();
    await page.waitForLoadState("networkidle");
  }
}

/** The role's pages: its menu, the links inside each menu page (one per route shape), a 404 and a 403. */
async function discover(page: Page, role: string): Promise<string[]> {
  if (role === "public") {
    await page.goto("/public/agencies");
    const agency = await page.locator("main a[href^='/public/agencies/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!).find((h) => /^\/public\/agencies\/[^/]*\d[^/]*$/.test(h)));
    return [...PUBLIC_PAGES, ...(agency ? [agency] : [])];
  }
  await page.setViewportSize({ width: 1280, height: HEIGHT });
  await page.goto("/");
  const menu = await page.locator("nav[data-main-nav] a, nav[aria-label] a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!).filter((h) => h.startsWith("/")));
  const seen = new Map<string, string>();
  const add = (href: string) => {
    if (href.startsWith("/api/") || href.includes("#")) return;
    const key = shape(href);
    if (!seen.has(key)) seen.set(key, href);
  };
  for (const href of menu) add(href);
  for (const href of [...new Set(menu)]) {
    await page.goto(href);
    const links = await page.locator("main a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    for (const link of links) {
      const url = new URL(link, base);
      // Filters, sorting and paging of the same list are not other pages; tabs are.
      if (url.pathname === new URL(href, base).pathname && !url.searchParams.has("tab")) continue;
      add(url.searchParams.has("tab") ? `${url.pathname}?tab=${url.searchParams.get("tab")}` : url.pathname);
    }
  }
  add("/no-such-page");
  if (REFUSED[role]) add(REFUSED[role]);
  return [...seen.values()].slice(0, MAX_PAGES_PER_ROLE);
}

type TShot = { page: string; locale: string; width: number; file: string; status: number | null };

/** A browser whose own controls speak `locale` (see LOCALE_BUTTONS). */
function launch(locale: string): Promise<Browser> {
  const { browser, posix } = LOCALE_BUTTONS[locale]!;
  return chromium.launch({
    executablePath: choice.ok ? choice.executablePath : undefined,
    args: [...CHROMIUM_ARGS, `--lang=${browser}`],
    env: { ...process.env, LANG: `${posix}.UTF-8`, LANGUAGE: posix, LC_ALL: `${posix}.UTF-8`, TZ: TIMEZONE },
  });
}

async function shootRole(role: string): Promise<TShot[]> {
  const shots: TShot[] = [];
  fs.mkdirSync(path.join(out, role), { recursive: true });
  let pages: string[] | null = null;
  for (const locale of locales) {
    // A browser per role and language: one browser for hundreds of pages has crashed Chromium here.
    const browser = await launch(locale);
    const context: BrowserContext = await browser.newContext({ baseURL: base, locale: LOCALE_BUTTONS[locale]!.browser, timezoneId: TIMEZONE, viewport: { width: 1280, height: HEIGHT } });
    // Generous: a development server compiles each page on its first visit.
    context.setDefaultTimeout(90_000);
    const page = await context.newPage();
    try {
      await signIn(page, role, locale);
      pages ??= (paths ?? (await discover(page, role))).filter((p) => !only || only.some((w) => p.includes(w)));
      for (const href of pages) {
        for (const width of widths) {
          await page.setViewportSize({ width, height: HEIGHT });
          const response = await page.goto(href).catch(() => null);
          await settle(page);
          const file = `${slug(href)}.${locale}.${width}.png`;
          await page.screenshot({ path: path.join(out, role, file), fullPage: true });
          shots.push({ page: href, locale, width, file: `${role}/${file}`, status: response?.status() ?? null });
          process.stdout.write(".");
        }
      }
    } finally {
      await context.close();
      await browser.close();
    }
  }
  process.stdout.write("\n");
  return shots;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** One row per page, one column per locale × width; each shot scaled down (a phone's less) and cut at 1.5 screens. */
function sheetHtml(role: string, shots: TShot[]): string {
  const scaleOf = (width: number) => (width < 640 ? 0.4 : 0.25);
  const columns = locales.flatMap((locale) => widths.map((width) => ({ locale, width })));
  const pages = [...new Set(shots.map((s) => s.page))];
  const cell = (s: TShot | undefined, width: number) =>
    s
      ? `<a href="${esc(s.file)}" style="width:${Math.round(width * scaleOf(width))}px;max-height:${Math.round(HEIGHT * 1.5 * scaleOf(width))}px"><img src="${esc(s.file)}" width="${Math.round(width * scaleOf(width))}" alt=""></a>${s.status && s.status !== 200 ? `<span class="status">${s.status}</span>` : ""}`
      : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(role)} · contact sheet</title><style>
body{font:13px system-ui,sans-serif;margin:16px;background:#f1f5f9;color:#0f172a}
h1{font-size:18px;margin:0 0 12px}
table{border-collapse:separate;border-spacing:8px}
th{font-weight:600;text-align:left;vertical-align:top}
td{vertical-align:top;position:relative}
th.page{max-width:160px;word-break:break-all;font-family:ui-monospace,monospace;font-size:12px}
td a{display:block;overflow:hidden;border:1px solid #cbd5e1;background:#fff}
td img{display:block}
.status{position:absolute;top:4px;left:4px;background:#b91c1c;color:#fff;padding:1px 4px;border-radius:3px;font-size:11px}
</style></head><body><h1>${esc(role)} — ${esc(base)} — ${new Date().toISOString().slice(0, 16).replace("T", " ")}</h1>
<table><thead><tr><th></th>${columns.map((c) => `<th>${c.locale} · ${c.width}px</th>`).join("")}</tr></thead><tbody>
${pages
  .map(
    (p) =>
      `<tr><th class="page">${esc(p)}</th>${columns.map((c) => `<td>${cell(shots.find((s) => s.page === p && s.locale === c.locale && s.width === c.width), c.width)}</td>`).join("")}</tr>`,
  )
  .join("\n")}
</tbody></table></body></html>`;
}

const choice = resolveChromium();
if (!choice.ok) throw new Error(choice.message);
fs.mkdirSync(out, { recursive: true });
const sheets: string[] = [];
for (const role of roles) {
  const browser = await chromium.launch({ executablePath: choice.executablePath, args: CHROMIUM_ARGS });
  try {
    console.log(`${role}:`);
    const shots = await shootRole(role);
    const html = path.join(out, `${role}.html`);
    fs.writeFileSync(html, sheetHtml(role, shots));
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`file://${html}`);
    await page.waitForLoadState("load");
    const sheet = path.join(out, `sheet-${role}.png`);
    await page.screenshot({ path: sheet, fullPage: true });
    sheets.push(role);
    console.log(`  ${shots.length} shots, sheet ${path.relative(process.cwd(), sheet)}`);
    const failed = shots.filter((s) => s.status !== 200 && !/no-such-page|admin\/audit|practitioners\/import$/.test(s.page));
    for (const s of failed) console.log(`  ! ${s.page} answered ${s.status}`);
  } finally {
    await browser.close();
  }
}
fs.writeFileSync(
  path.join(out, "index.html"),
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>Contact sheets</title><ul>${sheets.map((r) => `<li><a href="${r}.html">${r}</a> · <a href="sheet-${r}.png">sheet-${r}.png</a></li>`).join("")}</ul></html>`,
);
console.log(`written to ${out}`);
