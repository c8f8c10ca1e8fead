import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getManagedCall, panelCandidates } from "@/server/scoring/queries";
import { CallHeading } from "@/features/scoring/components/call-heading";
import { PanelTable } from "@/features/scoring/components/panel-table";
import { AddMemberForm } from "@/features/scoring/components/forms";
import { Card, Notice } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scoring");
  return { title: t("panel.title") };
}

export default async function PanelPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("serviceCalls.manage");
  const { id } = await params;
  const call = await getManagedCall(user, id, "serviceCalls.manage");
  if (!call) notFound();
  const [t, tr] = await Promise.all([getTranslations("scoring"), getTranslations("roles")]);
  const open = call.status === "DRAFT" || call.status === "OPEN" || call.status === "CLOSED";
  const candidates = open ? await panelCandidates(call) : [];
  return (
    <div className="space-y-6">
      <CallHeading call={call} title={t("panel.pageTitle", { reference: call.reference })} description={t("panel.description")} />
      <Card title={t("panel.members")}>
        <PanelTable callId={call.id} members={call.panel} progress={call.progress} removable={open} />
      </Card>
      {open ? (
        <Card title={t("panel.addTitle")}>
          {candidates.length ? (
            <AddMemberForm callId={call.id} candidates={candidates.map((c) => ({ id: c.id, label: `${c.name} · ${c.email}`, group: tr(c.role) }))} />
          ) : (
            <p className="text-sm text-slate-600">{t("panel.noCandidates")}</p>
          )}
        </Card>
      ) : (
        <Notice tone="info">{t("panel.closed")}</Notice>
      )}
    </div>
  );
}
