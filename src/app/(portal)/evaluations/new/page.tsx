import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { assignmentOptions } from "@/server/evaluations/queries";
import { getPanelMinimum } from "@/server/evaluations/settings";
import { localName } from "@/i18n/local-name";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import { AssignForm } from "@/features/evaluations/components/forms";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card, PageHeader } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations");
  return { title: t("assign.title") };
}

/** The city assigns an evaluation to a body and names its panel. */
export default async function NewEvaluationPage() {
  await requirePermission("evaluations.assign");
  const [t, locale, options, minScorers] = await Promise.all([getTranslations("evaluations"), getLocale(), assignmentOptions(), getPanelMinimum()]);
  const today = todayInCity();
  const due = new Date(today.getTime() + 60 * 86_400_000);
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("title")} href="/evaluations">{t("title")}</Breadcrumb>
        <PageHeader title={t("assign.title")} description={t("assign.description")} />
      </div>
      <Card>
        <AssignForm
          bodies={options.bodies.map((b) => ({ id: b.id, label: localName(b, locale), evaluators: b.users }))}
          contracts={options.contracts.map((c) => ({ id: c.id, label: `${c.reference} · ${c.call.title} · ${localName(c.organization, locale)}` }))}
          agencies={options.agencies.map((a) => ({ id: a.id, label: localName(a, locale) }))}
          rubrics={Object.fromEntries(options.rubrics.map((r) => [r.kind, { name: r.name, version: r.version }]))}
          minScorers={minScorers}
          defaults={{ year: String(today.getUTCFullYear()), dueDate: isoDay(due) }}
        />
      </Card>
    </div>
  );
}
