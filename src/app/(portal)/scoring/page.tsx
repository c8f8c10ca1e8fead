import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { listMyPanels } from "@/server/scoring/queries";
import { momentFormatter } from "@/domain/common/day-format";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scoring");
  return { title: t("title") };
}

/** A scorer's calls: experts and officials alike see only the calls on whose panel they sit. */
export default async function ScoringPage() {
  const user = await requirePermission("proposals.score");
  const [calls, t, format] = await Promise.all([listMyPanels(user), getTranslations("scoring"), getFormatter()]);
  const moment = momentFormatter(format);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <DataTable
          caption={t("title")}
          empty={<EmptyState title={t("empty")} />}
          columns={[{ label: t("call") }, { label: t("status") }, { label: t("deadline") }, { label: t("declaration") }, { label: t("progress"), numeric: true }, { label: t("scoreAction"), srOnly: true, actions: true }]}
          rows={calls.map((c) => {
            const toDeclare = c.status === "CLOSED" && !c.declaredAt;
            const toScore = c.status === "CLOSED" && !!c.declaredAt && !c.conflict && c.done < c.of;
            return {
              key: c.id,
              testId: `scoring-call-${c.reference}`,
              cells: [
                <>
                  <Link href={`/service-calls/${c.id}/score`} className="font-medium text-brand-700 hover:underline">{c.title}</Link>
                  <span className="block text-xs text-slate-500">{c.reference}</span>
                </>,
                <Badge key="s" tone={c.status === "CLOSED" ? "amber" : c.status === "SELECTED" ? "green" : "slate"}>{t(`callStatus.${c.status}`)}</Badge>,
                moment(c.deadline),
                !c.declaredAt ? t("declarationState.none") : c.conflict ? t("declarationState.conflict") : t("declarationState.noConflict"),
                t("progressOf", { done: c.done, of: c.of }),
                <Link key="go" href={`/service-calls/${c.id}/score`} className="text-sm font-medium text-brand-700 hover:underline">
                  {toDeclare ? t("declareAction") : toScore ? t("scoreAction") : t("view")}
                </Link>,
              ],
            };
          })}
        />
      </Card>
    </div>
  );
}
