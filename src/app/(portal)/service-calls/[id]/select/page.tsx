import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getCallForPanel } from "@/server/scoring/queries";
import { localName } from "@/i18n/local-name";
import { CallHeading } from "@/features/scoring/components/call-heading";
import { RankingTable } from "@/features/scoring/components/ranking-table";
import { PanelTable } from "@/features/scoring/components/panel-table";
import { SelectForm } from "@/features/scoring/components/forms";
import { Card, Notice } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scoring");
  return { title: t("section.select") };
}

export default async function SelectPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("proposals.select");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const call = await getCallForPanel(user, id);
  if (!call || !call.access.read) notFound();
  const [t, locale] = await Promise.all([getTranslations("scoring"), getLocale()]);
  const selected = call.proposals.find((p) => p.id === call.selectedProposalId);
  const options = call.ranking
    .filter((r) => r.proposal.status === "SUBMITTED")
    .map((r) => ({ id: r.proposal.id, label: t("select.option", { agency: localName(r.proposal.organization, locale), points: r.points ?? t("section.notScored") }) }));
  return (
    <div className="space-y-6">
      <CallHeading call={call} title={t("select.pageTitle", { reference: call.reference })} description={t("select.description")} />
      {sp.selected ? <Notice tone="success">{t("select.done")}</Notice> : null}
      {selected ? (
        <Notice tone="success">
          <span className="font-medium" data-testid="selected-agency">{t("section.selected", { agency: localName(selected.organization, locale) })}</span>
          {call.selectionReason ? <span className="mt-1 block">{t("section.reasonValue", { reason: call.selectionReason })}</span> : null}
        </Notice>
      ) : null}
      <Card title={t("section.ranking")}>
        <RankingTable ranking={call.ranking} />
      </Card>
      <Card title={t("panel.members")}>
        <PanelTable callId={call.id} members={call.panel} progress={call.progress} />
      </Card>
      {call.status === "CLOSED" && options.length ? (
        <Card title={t("section.select")}>
          <SelectForm callId={call.id} version={call.version} options={options} />
        </Card>
      ) : call.status === "SELECTED" ? (
        <Link href={`/service-calls/${call.id}/contract`} className={buttonClass("primary")}>{call.contract ? t("section.contract") : t("section.createContract")}</Link>
      ) : (
        <Notice tone="info">{t("select.notReady")}</Notice>
      )}
    </div>
  );
}
