import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies.landing");
  return { title: t("title") };
}

/** The public front door: verify a practitioner, find an agency, or apply to register one. */
export default async function PublicIndex() {
  const t = await getTranslations("agencies.landing");
  const links = [
    { href: "/public/verify", title: t("verifyTitle"), body: t("verifyBody") },
    { href: "/public/agencies", title: t("directoryTitle"), body: t("directoryBody") },
    { href: "/public/agencies/apply", title: t("applyTitle"), body: t("applyBody") },
  ];
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
      <ul className="mt-6 grid gap-4 sm:grid-cols-3">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="block h-full rounded-xl border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-300 hover:shadow focus-visible:outline-2 focus-visible:outline-brand-600">
              <span className="block text-base font-semibold text-brand-800">{l.title}</span>
              <span className="mt-1 block text-sm text-slate-600">{l.body}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
