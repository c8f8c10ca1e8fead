import "server-only";
import { getLocale } from "next-intl/server";
import type { TCurrentUser } from "@/server/auth/session";
import { programmeFormOptions } from "@/server/trainings/queries";
import { scopeOf } from "@/domain/authz/matrix";
import { localName } from "@/i18n/local-name";

/** The programme form's choices, labelled in the reader's language: providers (the city only), subsidy lines, districts. */
export async function trainingFormChoices(user: TCurrentUser) {
  const [o, locale] = await Promise.all([programmeFormOptions(user), getLocale()]);
  return {
    providers: scopeOf(user.role, "trainings.manage") === "city" ? o.providers.map((p) => ({ id: p.id, label: localName(p, locale) })) : [],
    lines: o.lines.map((l) => ({ id: l.id, label: `${l.fund.year} · ${l.fund.name} · ${l.name}` })),
    districts: o.districts.map((d) => ({ id: d.id, label: localName(d, locale) })),
  };
}
