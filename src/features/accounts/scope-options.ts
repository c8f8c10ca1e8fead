import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { scopeOptions } from "@/server/accounts/queries";
import type { TCurrentUser } from "@/server/auth/session";
import { localName } from "@/i18n/local-name";
import type { TScopeOptions } from "./components/user-form";

/** Scope pickers as localised labels for the user form. */
export async function localisedScopeOptions(user: TCurrentUser): Promise<TScopeOptions> {
  const [raw, locale, t, tc] = await Promise.all([scopeOptions(user), getLocale(), getTranslations("users"), getTranslations("common")]);
  const named = (rows: { id: string; name: string; nameHant: string | null; nameEn: string | null }[]) => rows.map((r) => ({ id: r.id, label: localName(r, locale) }));
  return {
    districts: named(raw.districts),
    departments: named(raw.departments),
    agencies: named(raw.agencies),
    evaluationBodies: named(raw.evaluationBodies),
    trainingProviders: named(raw.trainingProviders),
    practitioners: raw.practitioners.map((p) => ({ id: p.id, label: p.user ? tc("parenthetical", { text: p.name, note: t("hasAccount") }) : p.name })),
  };
}
