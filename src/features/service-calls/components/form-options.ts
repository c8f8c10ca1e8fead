import "server-only";
import { getLocale } from "next-intl/server";
import type { TCurrentUser } from "@/server/auth/session";
import { callFormOptions } from "@/server/service-calls/queries";
import { localName } from "@/i18n/local-name";
import { fenToYuanInput } from "@/lib/money";
import { isoDay } from "@/domain/common/calendar-day";
import { cityDateTimeInput } from "@/domain/service-calls/rules";
import type { TCallDetail } from "@/server/service-calls/queries";
import type { TCallFormValues } from "./call-form.client";

/** The call form's choices, labelled in the reader's language. */
export async function callFormChoices(user: TCurrentUser) {
  const [o, locale] = await Promise.all([callFormOptions(user), getLocale()]);
  return {
    departments: o.departments.map((d) => ({ id: d.id, label: localName(d, locale) })),
    ownDepartment: user.organizationName ? localName(user.organizationName, locale) : undefined,
    districts: o.districts.map((d) => ({ id: d.id, label: localName(d, locale) })),
    lines: o.lines.map((l) => ({ id: l.id, label: `${l.fund.year} · ${l.fund.name} · ${l.name}` })),
  };
}

export const EMPTY_CALL: TCallFormValues = {
  title: "",
  description: "",
  type: "",
  practiceField: "",
  targetGroups: [],
  departmentId: "",
  regionId: "",
  budget: "",
  budgetLineId: "",
  termStart: "",
  termEnd: "",
  minQualifiedStaff: "2",
  minQualifiedPercent: "50",
  minRating: "",
  deadline: "",
  criteria: [],
};

/** A saved call as the form shows it. */
export function callFormValues(c: TCallDetail): TCallFormValues {
  return {
    id: c.id,
    version: c.version,
    title: c.title,
    description: c.description,
    type: c.type,
    practiceField: c.practiceField,
    targetGroups: c.targetGroups,
    departmentId: c.departmentId ?? "",
    regionId: c.regionId,
    budget: fenToYuanInput(c.budgetFen),
    budgetLineId: c.budgetLineId ?? "",
    termStart: isoDay(c.termStart),
    termEnd: isoDay(c.termEnd),
    minQualifiedStaff: String(c.minQualifiedStaff),
    minQualifiedPercent: String(c.minQualifiedPercent),
    minRating: c.minRating ?? "",
    deadline: cityDateTimeInput(c.deadline),
    criteria: c.criteria.map((k) => ({ name: k.name, weight: String(k.weight), maxScore: String(k.maxScore) })),
  };
}
