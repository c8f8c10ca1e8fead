import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { cohortTraining, proposeFor } from "@/server/rotation/cohort";
import { localName } from "@/i18n/local-name";
import { formatFen } from "@/lib/money";
import { MAX_COHORT } from "@/domain/rotation/schemas";
import { CohortBuilder } from "@/features/rotation/components/forms";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rotation.cohort");
  return { title: t("title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The cohort builder (rotation.buildCohort): for a rotation programme, ask for N people; the
 * proposal (longest without rotation training, balanced across districts and departments) comes
 * ticked, the rest of the pool unticked; review and enrol in one step.
 */
export default async function CohortPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("rotation.buildCohort");
  const sp = await searchParams;
  const trainingId = one(sp.training) ?? "";
  const training = trainingId ? await cohortTraining(user, trainingId) : null;
  if (!training) notFound();
  const [t, format, locale] = await Promise.all([getTranslations("rotation.cohort"), getFormatter(), getLocale()]);
  const raw = (one(sp.n) ?? "").trim().normalize("NFKC");
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : null;
  const sizeError = raw !== "" && (n === null || n < 1 || n > MAX_COHORT);
  const proposal = training.open && n !== null && !sizeError ? await proposeFor(user, training.id, n) : null;
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const rowOf = (p: NonNullable<typeof proposal>["proposed"][number]) => ({
    id: p.id,
    name: p.name,
    department: localName(p.department, locale),
    district: p.district ? localName(p.district, locale) : t("cityLevel"),
    last: p.last ? day(p.last.date) : null,
  });
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("breadcrumb")} href="/rotation">{t("back")}</Breadcrumb>
        <PageHeader title={t("title")} description={`${training.reference} · ${training.title}`} />
      </div>
      <Card title={t("programme")}>
        <dl className="grid gap-3 text-sm sm:grid-cols-4">
          <div><dt className="text-slate-600">{t("dates")}</dt><dd className="font-medium text-slate-900">{day(training.startDate)} – {day(training.endDate)}</dd></div>
          <div><dt className="text-slate-600">{t("places")}</dt><dd className="font-medium text-slate-900" data-testid="cohort-places-left">{t("placesValue", { left: training.placesLeft, capacity: training.capacity })}</dd></div>
          <div><dt className="text-slate-600">{t("waitingList")}</dt><dd className="font-medium text-slate-900">{format.number(training.waitlisted)}</dd></div>
          <div><dt className="text-slate-600">{t("subsidy")}</dt><dd className="font-medium text-slate-900">{training.subsidyFen > 0 ? t("subsidyValue", { amount: formatFen(training.subsidyFen, locale), available: training.lineAvailableFen === null ? "—" : formatFen(training.lineAvailableFen, locale) }) : t("noSubsidy")}</dd></div>
        </dl>
        <p className="mt-3 text-sm"><Link href={`/trainings/${training.id}`} className="text-brand-700 hover:underline">{t("openProgramme")}</Link></p>
      </Card>
      {!training.open ? (
        <Notice tone="info">{t("notOpen")}</Notice>
      ) : (
        <Card title={t("askTitle")}>
          <div className="space-y-4">
            <p className="text-sm text-slate-600">{t("algorithm")}</p>
            <form method="get" action="/rotation/cohort" className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="training" value={training.id} />
              <div className="w-40">
                <label htmlFor="n" className="mb-1 block text-xs font-medium text-slate-600">{t("size")}</label>
                <input id="n" name="n" inputMode="numeric" defaultValue={raw} aria-invalid={sizeError || undefined} aria-describedby={sizeError ? "n-error" : undefined} className={inputClass(sizeError)} />
              </div>
              <button type="submit" className={buttonClass("secondary")}>{t("propose")}</button>
            </form>
            {sizeError ? <p id="n-error" className="text-sm text-red-800">{t("sizeError", { max: MAX_COHORT })}</p> : null}
            {proposal ? (
              <>
                <p className="text-sm text-slate-700" data-testid="cohort-pool">{t("pool", { pool: proposal.poolSize, outside: proposal.outsideAudience })}</p>
                <CohortBuilder
                  key={`${n}`}
                  extraNamespaces={["trainings.errors", "funds.errors"]}
                  trainingId={training.id}
                  proposed={proposal.proposed.map(rowOf)}
                  others={proposal.others.map(rowOf)}
                  placesLeft={training.placesLeft}
                  waitlisted={training.waitlisted}
                  subsidyFen={training.subsidyFen}
                  lineAvailableFen={training.lineAvailableFen === null ? null : training.lineAvailableFen.toString()}
                />
              </>
            ) : null}
          </div>
        </Card>
      )}
    </div>
  );
}
