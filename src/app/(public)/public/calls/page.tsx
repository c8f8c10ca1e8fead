import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { publicCalls } from "@/server/service-calls/queries";
import { dayFormatter, momentFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { formatFen } from "@/lib/money";
import { EmptyState } from "@/components/ui/card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("serviceCalls.public");
  return { title: t("title") };
}

/** The public page of calls (no sign-in): open calls, and calls whose agency is selected with its name and the value. */
export default async function PublicCallsPage() {
  const [t, tAll, locale, format, { open, selected }] = await Promise.all([getTranslations("serviceCalls"), getTranslations(), getLocale(), getFormatter(), publicCalls()]);
  const moment = momentFormatter(format);
  const day = dayFormatter(format);
  const department = (d: Parameters<typeof localName>[0]) => (d ? localName(d, locale) : t("form.cityItself"));
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("public.title")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("public.intro")}</p>
      </div>
      <section aria-labelledby="open-calls" className="space-y-3">
        <h2 id="open-calls" className="text-lg font-semibold text-slate-900">{t("public.open")}</h2>
        {open.length === 0 ? (
          <EmptyState title={t("public.openEmpty")} />
        ) : (
          <ul className="space-y-3" data-testid="public-open-calls">
            {open.map((c) => (
              <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="public-call" data-reference={c.reference}>
                <p className="font-medium text-slate-900">{c.title}</p>
                <p className="mt-0.5 text-xs text-slate-500">
                  <span className="font-mono">{c.reference}</span> · {t(`types.${c.type}`)} · {tAll(`enums.practiceField.${c.practiceField}`)} · {localName(c.region, locale)}
                </p>
                <DescriptionList className="mt-3 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
                  <DescriptionItem plain label={t("fields.department")}>{department(c.department)}</DescriptionItem>
                  <DescriptionItem plain label={t("fields.budget")}>{formatFen(c.budgetFen, locale)}</DescriptionItem>
                  <DescriptionItem plain label={t("detail.term")}>{`${day(c.termStart)} – ${day(c.termEnd)}`}</DescriptionItem>
                  <DescriptionItem plain label={t("fields.deadline")}>{t("detail.deadlineValue", { deadline: moment(c.deadline) })}</DescriptionItem>
                </DescriptionList>
              </li>
            ))}
          </ul>
        )}
        <p className="text-sm">
          <Link href="/login" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">{t("public.signIn")}</Link>
        </p>
      </section>
      <section aria-labelledby="selected-calls" className="space-y-3">
        <h2 id="selected-calls" className="text-lg font-semibold text-slate-900">{t("public.selected")}</h2>
        {selected.length === 0 ? (
          <EmptyState title={t("public.selectedEmpty")} />
        ) : (
          <ul className="space-y-3" data-testid="public-selected-calls">
            {selected.map((c) => (
              <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="public-selected" data-reference={c.reference}>
                <p className="font-medium text-slate-900">{c.title}</p>
                <p className="mt-0.5 text-xs text-slate-500">
                  <span className="font-mono">{c.reference}</span> · {t(`types.${c.type}`)} · {localName(c.region, locale)} · {t("public.commissionedBy", { department: department(c.department) })}
                </p>
                <DescriptionList className="mt-3 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
                  <DescriptionItem plain label={t("public.agency")}>{localName(c.agency, locale)}</DescriptionItem>
                  <DescriptionItem plain label={t("public.value")}>{formatFen(c.valueFen, locale)}</DescriptionItem>
                  <DescriptionItem plain label={t("detail.term")}>{`${day(c.termStart)} – ${day(c.termEnd)}`}</DescriptionItem>
                </DescriptionList>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
