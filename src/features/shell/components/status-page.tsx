import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignedOutHeader } from "./signed-out-header";

/**
 * The message of a 403 or 404 alone, for a page inside a shell (the portal's or the public
 * one): the shell already draws the header, the language switch and the one `main`.
 */
export async function StatusMessage({ code, title, body }: { code: string; title: string; body: string }) {
  const t = await getTranslations("errorsPage");
  return (
    <div className="mx-auto max-w-lg py-16 text-center" data-testid="status-page">
      <p className="text-sm font-semibold text-brand-700">{code}</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">{title}</h1>
      <p className="mt-2 text-sm text-slate-600">{body}</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
        {t("backHome")}
      </Link>
    </div>
  );
}

/** Full-page message (a 404 for an address no route matches) with the brand and the language switch, outside any shell. */
export async function StatusPage({ code, title, body }: { code: string; title: string; body: string }) {
  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <SignedOutHeader href="/" />
      <main id="main" className="flex-1 px-4">
        <StatusMessage code={code} title={title} body={body} />
      </main>
    </div>
  );
}
