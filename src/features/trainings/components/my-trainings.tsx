import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { myTrainings } from "@/server/trainings/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { hoursOf } from "@/domain/trainings/rules";
import { localName } from "@/i18n/local-name";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EnrolmentStatusBadge } from "./training-status-badge";

/** My profile: the programmes I am enrolled in, waiting for or completed, and each completion's printable record. */
export async function MyTrainings({ practitionerId }: { practitionerId: string }) {
  const [t, locale, format, rows] = await Promise.all([getTranslations("trainings"), getLocale(), getFormatter(), myTrainings(practitionerId)]);
  const day = dayFormatter(format);
  return (
    <section id="trainings" aria-labelledby="trainings-title" className="scroll-mt-20">
      <Card title={<span id="trainings-title">{t("mine.title")}</span>} actions={<Link href="/trainings" className="text-sm text-brand-700 hover:underline">{t("mine.browse")}</Link>}>
        <DataTable
          caption={t("mine.title")}
          testId="my-trainings"
          empty={<p className="text-sm text-slate-600">{t("mine.none")}</p>}
          columns={[{ label: t("mine.programme") }, { label: t("mine.dates") }, { label: t("mine.hours"), numeric: true }, { label: t("mine.status") }, { label: t("mine.record"), srOnly: true, actions: true }]}
          rows={rows.map((r) => ({
            key: r.id,
            testId: "my-training",
            data: { reference: r.training.reference },
            cells: [
              <span key="p">
                <Link href={`/trainings/${r.training.id}`} className="text-brand-800 hover:underline">{r.training.title}</Link>
                <span className="block text-xs text-slate-500">{`${r.training.reference} · ${localName(r.training.provider, locale)}`}</span>
              </span>,
              `${day(r.training.startDate)} – ${day(r.training.endDate)}`,
              hoursOf(r.training.cpdHalfHours),
              <EnrolmentStatusBadge key="s" status={r.status} />,
              r.status === "COMPLETED" ? (
                <Link key="r" href={`/trainings/completions/${r.id}`} className="text-sm text-brand-700 hover:underline">
                  {t("mine.record")}
                  <span className="sr-only"> {r.training.title}</span>
                </Link>
              ) : null,
            ],
          }))}
        />
      </Card>
    </section>
  );
}
