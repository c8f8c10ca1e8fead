import { getFormatter, getTranslations } from "next-intl/server";
import type { TPractitionerDetail } from "@/server/practitioners/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { Badge, Card } from "@/components/ui/card";
import { HistoryTable } from "@/components/ui/data-table";

/** Side by side: the practitioner's awards and their status history. */
export async function PractitionerAwardsAndHistory({ p }: { p: TPractitionerDetail }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const day = dayFormatter(format);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={t("practitioners.sections.awards")}>
        {p.awards.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {p.awards.map((a) => (
              <li key={a.id} className="flex items-center justify-between gap-3 py-2">
                <span>{a.name}{a.year ? <span className="ml-2 text-slate-500">{a.year}</span> : null}</span>
                <Badge tone={a.level === "PROVINCIAL_OR_ABOVE" ? "blue" : "slate"}>{t(`enums.awardLevel.${a.level}`)}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("practitioners.awards.none")}</p>
        )}
      </Card>
      <Card title={t("practitioners.detail.statusHistory")}>
        <HistoryTable
          caption={t("practitioners.detail.statusHistory")}
          none={t("practitioners.detail.noHistory")}
          columns={[{ label: t("practitioners.fields.effectiveFrom"), className: "whitespace-nowrap" }, { label: t("practitioners.fields.status") }, { label: t("practitioners.fields.note"), className: "text-slate-600" }]}
          rows={p.statusHistory.map((h) => ({ key: h.id, cells: [day(h.effectiveFrom), t(`enums.practitionerStatus.${h.status}`), h.note ?? ""] }))}
        />
      </Card>
    </div>
  );
}
