import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Unknown ids and practitioners who do not count now look exactly the same. */
export default async function PublicProfileNotFound() {
  const t = await getTranslations("publicRegister");
  return (
    <div className="mx-auto max-w-xl py-10 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("profile.notFoundTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("profile.notFoundBody")}</p>
      <Link href="/public/verify" className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
        {t("profile.searchInstead")}
      </Link>
    </div>
  );
}
