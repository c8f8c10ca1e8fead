import { expect, type Page } from "@playwright/test";
import zhBase from "../messages/zh-Hans.json" with { type: "json" };
import { loadMessages } from "../src/i18n/load-messages";
import { DEMO_PASSWORD } from "../src/server/seed/demo-logins";

// Typed from the base catalogue; feature namespaces (messages/<locale>/*.json) are merged in.
type TMessages = typeof zhBase & Record<string, Record<string, unknown>>;
export const M = {
  zh: loadMessages("zh-Hans") as TMessages,
  en: loadMessages("en") as TMessages,
  hant: loadMessages("zh-Hant") as TMessages,
};

/**
 * Signs in through the real form (the language buttons are submit buttons too, so scope to the
 * form). For e2e/roles.spec.ts (once per role) and the tests of signing in itself; every other
 * spec signs in with the `login` fixture (e2e/session.ts).
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  const form = page.locator("#login-form");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
}

export async function signInOk(page: Page, email: string, password = DEMO_PASSWORD) {
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("user-name")).toBeVisible();
}

export async function signOut(page: Page) {
  // Below 1024 px signing out is in the main menu's drawer.
  const menu = page.getByTestId("menu-button");
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("button", { name: M.zh.shell.signOut }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
}

export function mainNav(page: Page) {
  return page.getByRole("navigation", { name: M.zh.shell.mainNav });
}
