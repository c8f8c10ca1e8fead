import { getFormatter, getTranslations } from "next-intl/server";
import type { TPractitionerDetail } from "@/server/practitioners/queries";
import { G1_CODES, G1_FLAGS } from "@/domain/practitioners/enums";
import { dayFormatter } from "@/domain/common/day-format";
import { Badge, Card } from "@/components/ui/card";
import { CountingExplanation } from "./counting-explanation";
import { PlanCode } from "@/components/ui/plan-code";
import { STATUS_TONE } from "@/components/ui/status-tone";

/** Whether (since when, why, and what would change it) the person counts, their status and G1 profiles. */
export async function PractitionerCountingCard({ p }: { p: TPractitionerDetail }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const day = dayFormatter(format);
  const g1 = G1_FLAGS.filter((k) => p[k]);
  return (
    <Card
      title={t("practitioners.detail.derived")}
      actions={
        <Badge tone={STATUS_TONE.practitioner[p.status]}>
          {t(`enums.practitionerStatus.${p.status}`)}
          {p.statusSince ? ` · ${t("practitioners.detail.since", { date: day(p.statusSince) })}` : ""}
        </Badge>
      }
    >
      <CountingExplanation variant="full" counting={p.counting} />
      <div className="mt-4">
        <h3 className="text-xs font-medium text-slate-500">{t("practitioners.fields.g1Profiles")}</h3>
        {g1.length ? (
          <ul className="mt-1 flex flex-wrap gap-2">
            {g1.map((k) => (
              <li key={k}>
                <Badge tone="blue">
                  {t(`enums.g1Profile.${k}`)}
                  <PlanCode code={G1_CODES[k]} />
                </Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-sm text-slate-600">{t("practitioners.detail.noG1")}</p>
        )}
      </div>
    </Card>
  );
}
