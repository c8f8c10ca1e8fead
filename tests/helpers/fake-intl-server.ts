// Test double for next-intl/server. Outside Next's React Server Components runtime the
// package's server entry refuses to run, so this one resolves the configuration through
// the app's own src/i18n/request.ts (same locale rules, same catalogues) and builds a
// translator with next-intl's createTranslator. A missing message throws instead of
// falling back silently.
//   vi.mock("next-intl/server", () => import("../helpers/fake-intl-server"));
import { createTranslator } from "next-intl";
import type { TLocale } from "@/lib/locales";

type TRequestConfig = { locale: TLocale; messages: Record<string, unknown>; timeZone?: string };
type TConfigFn = (params: { locale?: string; requestLocale: Promise<string | undefined> }) => Promise<TRequestConfig> | TRequestConfig;

export function getRequestConfig(fn: TConfigFn): TConfigFn {
  return fn;
}

async function config(locale?: string): Promise<TRequestConfig> {
  const { default: requestConfig } = (await import("@/server/i18n/request")) as unknown as { default: TConfigFn };
  return requestConfig({ locale, requestLocale: Promise.resolve(locale) });
}

export async function getTranslations(arg?: string | { locale?: string; namespace?: string }) {
  const { locale, namespace } = typeof arg === "string" ? { locale: undefined, namespace: arg } : (arg ?? {});
  const c = await config(locale);
  return createTranslator({
    locale: c.locale,
    messages: c.messages,
    namespace: namespace as never,
    timeZone: c.timeZone,
    onError: (error) => {
      throw error;
    },
  });
}

export async function getLocale(): Promise<string> {
  return (await config()).locale;
}

export async function getMessages(): Promise<Record<string, unknown>> {
  return (await config()).messages;
}

export function setRequestLocale(): void {}
