import "server-only";
import type { ComponentType, ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages, type TNamespace } from "./pick-messages";

// Server components translate on the server and ship no messages. A client component receives
// only the namespaces it renders, through withMessages: the picked messages travel in the page's
// HTML once per distinct list, instead of the whole catalogue on every page.
// tests/unit/client-messages.test.ts reads every client component's translations and fails when
// a wrapper's list misses one; e2e/fixtures.ts fails a test on a MISSING_MESSAGE in the browser.

/** Provides `namespaces` of the request's catalogue (plus locale, time zone and formats) to client components below. */
export async function MessagesProvider({ namespaces, children }: { namespaces: readonly TNamespace[]; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>{children}</NextIntlClientProvider>;
}

type TExtra = {
  /**
   * Namespaces the caller adds for codes the component shows but cannot know, e.g. the
   * `staff.import.errors` a generic confirm button gets back from the staff import's action.
   */
  extraNamespaces?: readonly TNamespace[];
};

/**
 * The client component `Component`, wrapped in a server component that provides exactly
 * `namespaces`. Export it under the client component's name from `x.tsx` (the client code lives in
 * `x.client.tsx`), so pages import it as before; a client component that renders another one
 * imports the `.client` file, and its own list covers the inner one's.
 */
export function withMessages<P extends object>(Component: ComponentType<P>, namespaces: readonly TNamespace[]) {
  async function WithMessages({ extraNamespaces, ...props }: P & TExtra) {
    return (
      <MessagesProvider namespaces={extraNamespaces ? [...namespaces, ...extraNamespaces] : namespaces}>
        <Component {...(props as P)} />
      </MessagesProvider>
    );
  }
  return WithMessages;
}
