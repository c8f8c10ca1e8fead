import { getFormatter, getTranslations } from "next-intl/server";
import type { myProfile } from "@/server/credentials/queries";
import { G1_FLAGS } from "@/domain/practitioners/enums";
import { dayFormatter } from "@/domain/common/day-format";
import { Badge, Card } from "@/components/ui/card";
import { CountingExplanation } from "@/features/practitioners/components/counting-explanation";

type TMyProfile = NonNullable<Awaited<ReturnType<typeof myProfile>>>;

/**
 * A practitioner's own standing: whether they count (since when, why, what would stop it, from
 * the counting rule itself), when their registration is due, their G1 profiles, and in numbers
 * their credentials waiting or rejected and their continuing-education hours waiting.
 */
export async function MyStanding({ data }: { data: TMyProfile }) {
  const [t, te, format] = await Promise.all([getTranslations("me"), getTranslations("enums"), getFormatter()]);
  const long = dayFormatter(format);
  const p = data.practitioner;
  const r = data.registration;
  const g1 = G1_FLAGS.filter((k) => p[k]);
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <Card title={t("countsTitle")} className="md:col-span-2">
        <CountingExplanation variant="full" counting={data.counting} self />
        {g1.length ? (
          <div className="mt-4">
            <h3 className="text-sm font-medium text-slate-700">{t("g1Title")}</h3>
            <ul className="mt-1 flex flex-wrap gap-2">
              {g1.map((k) => (
                <li key={k}><Badge tone="blue">{te(`g1Profile.${k}`)}</Badge></li>
              ))}
            </ul>
          </div>
        ) : null}
      </Card>
      <Card title={t("summaryTitle")}>
        {/* Each figure names what it counts: credentials, or continuing-education hours. */}
        <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-2 text-sm" data-testid="my-glance">
          <dt className="text-slate-600">{t("pendingCount")}</dt>
          <dd className="font-semibold tabular-nums" data-testid="glance-pending-credentials">{format.number(data.pending.length)}</dd>
          <dt className="text-slate-600">{t("rejectedCount")}</dt>
          <dd className="font-semibold tabular-nums">{format.number(data.rejected.length)}</dd>
          <dt className="text-slate-600">{t("pendingHours")}</dt>
          <dd className="font-semibold tabular-nums" data-testid="glance-pending-hours">{format.number(data.pendingCpdHours, { maximumFractionDigits: 1 })}</dd>
        </dl>
        <div className="mt-4 border-t border-slate-200 pt-3 text-sm" data-testid="my-registration-due">
          <h3 className="font-medium text-slate-700">{t("registrationTitle")}</h3>
          <p className={r?.status === "lapsed" ? "mt-1 text-amber-900" : "mt-1 text-slate-700"}>
            {!r
              ? t("registrationNone")
              : r.status === "lapsed"
                ? t("registrationLapsed", { end: long(r.end) })
                : r.status === "due"
                  ? t("registrationDueNow", { end: long(r.end), days: r.daysLeft })
                  : t("registrationDue", { end: long(r.end), dueFrom: long(r.dueFrom) })}
          </p>
        </div>
      </Card>
    </div>
  );
}
