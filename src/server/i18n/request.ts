import "server-only";
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { negotiateLocale } from "@/i18n/accept-language";
import { getCurrentUser } from "@/server/auth/session";
import { isLocale, LOCALE_COOKIE, type TLocale } from "@/lib/locales";
import { loadMessages } from "@/i18n/load-messages";

/** The user's saved preference, else the cookie, else Accept-Language. */
async function resolveLocale(): Promise<TLocale> {
  const user = await getCurrentUser().catch(() => null);
  if (user?.locale) return user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async ({ locale: requested }) => {
  // An explicit locale (e-mails rendered for their recipient) wins over the request's.
  const locale = isLocale(requested) ? requested : await resolveLocale();
  const messages = loadMessages(locale);
  return { locale, messages, timeZone: "Asia/Shanghai" };
});
