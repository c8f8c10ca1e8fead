import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { MessagesProvider } from "@/i18n/with-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#174877" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        {/* Locale, time zone and formats for every client component; of the messages only what Next
            renders here by itself (error.tsx). Client components get theirs through withMessages. */}
        <MessagesProvider namespaces={["errorsPage"]}>{children}</MessagesProvider>
      </body>
    </html>
  );
}
