import { getTranslations } from "next-intl/server";

/** How an application is handled, for the applicant: three numbered steps. */
export async function ApplicationSteps() {
  const t = await getTranslations("agencyApplications.steps");
  const steps = [
    { title: t("districtTitle"), body: t("districtBody") },
    { title: t("cityTitle"), body: t("cityBody") },
    { title: t("accountTitle"), body: t("accountBody") },
  ];
  return (
    <section aria-labelledby="application-steps-title" className="rounded-xl border border-brand-100 bg-white/70 p-5">
      <h2 id="application-steps-title" className="text-sm font-semibold text-slate-900">{t("title")}</h2>
      <ol className="mt-3 grid gap-4 sm:grid-cols-3">
        {steps.map((s, i) => (
          <li key={s.title} className="flex gap-3">
            <span aria-hidden className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-brand-700 text-sm font-semibold text-white">{i + 1}</span>
            <div>
              <p className="text-sm font-medium text-slate-900">{s.title}</p>
              <p className="mt-0.5 text-xs text-slate-600">{s.body}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
