import { getFormatter, getTranslations } from "next-intl/server";
import type { myProfile } from "@/server/credentials/queries";
import { G1_FLAGS } from "@/domain/practitioners/enums";
import { dayFormatter } from "@/domain/common/day-format";
import { Badge, Card } from "@/components/ui/card";

type TMyProfile = NonNullable<Awaited<ReturnType<typeof myProfile>>>;

/** A practitioner's own standing: whether they count (since when, at which level), their G1 profiles, and their credentials in numbers. */
export async function MyStanding({ data }: { data: TMyProfile }) {
  const [t, te, format] = await Promise.all([getTranslations("me"), getTranslations("enums"), getFormatter()]);
  const p = data.practitioner;
  const g1 = G1_FLAGS.filter((k) => p[k]);
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <Card title={t("countsTitle")} className="md:col-span-2">
        {p.isQualified ? (
          <div className="space-y-2" data-testid="counts">
            <p className="flex items-center gap-2 text-lg font-semibold text-emerald-800">
              <Badge tone="green">{t("countsYes")}</Badge>
              <span>{te(`qualificationLevel.${p.qualificationLevel}`)}</span>
            </p>
            <p className="text-sm text-slate-700">{t("countsSince", { date: dayFormatter(format)(p.qualifiedSince) })}</p>
          </div>
        ) : (
          <div className="space-y-2" data-testid="counts">
            <p className="text-lg font-semibold text-slate-800">
              <Badge tone="slate">{t("countsNo")}</Badge>
            </p>
            <p className="text-sm text-slate-600">{p.status === "ACTIVE" ? t("countsNoHint") : t("countsNoInactive", { status: te(`practitionerStatus.${p.status}`) })}</p>
          </div>
        )}
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
        <dl className="grid grid-cols-[1fr_auto] gap-y-2 text-sm">
          <dt className="text-slate-600">{t("pendingCount")}</dt>
          <dd className="font-semibold tabular-nums">{format.number(data.pending.length)}</dd>
          <dt className="text-slate-600">{t("rejectedCount")}</dt>
          <dd className="font-semibold tabular-nums">{format.number(data.rejected.length)}</dd>
        </dl>
      </Card>
    </div>
  );
}
