import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/session";
import { getCallForPanel } from "@/server/scoring/queries";
import { can } from "@/domain/authz/matrix";
import { localName } from "@/i18n/local-name";
import { Card, Notice } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { PanelTable } from "./panel-table";
import { RankingTable } from "./ranking-table";

/**
 * The panel, declarations, scoring progress, ranking and selection of a call, for the call's detail
 * page. Officials who read the call in scope see it all; a panel member who is not such an official
 * (an expert) sees only the way to their scoring; anyone else sees nothing.
 */
export async function CallPanelSection({ callId }: { callId: string }) {
  const user = await requireUser();
  const call = await getCallForPanel(user, callId);
  if (!call) return null;
  const [t, locale] = await Promise.all([getTranslations("scoring"), getLocale()]);
  const scoreLink = call.access.seat && call.status !== "DRAFT" ? (
    <Link href={`/service-calls/${call.id}/score`} className={buttonClass("primary", "sm")}>{t("section.score")}</Link>
  ) : null;
  if (!call.access.read) {
    return (
      <Card title={t("section.title")}>
        <p className="mb-3 text-sm text-slate-700">{t("section.yourSeat")}</p>
        {scoreLink}
      </Card>
    );
  }
  const managedInScope = can(user, "serviceCalls.manage") && (user.role === "CITY_ADMIN" || (user.role === "DEPARTMENT_OFFICER" && call.departmentId === user.organizationId));
  const contractsInScope = can(user, "contracts.manage") && (user.role === "CITY_ADMIN" || (user.role === "DEPARTMENT_OFFICER" && call.departmentId === user.organizationId));
  const selected = call.proposals.find((p) => p.id === call.selectedProposalId);
  const actions = (
    <div className="flex flex-wrap gap-2">
      {managedInScope ? <Link href={`/service-calls/${call.id}/panel`} className={buttonClass("secondary", "sm")}>{t("section.managePanel")}</Link> : null}
      {scoreLink}
      {can(user, "proposals.select") && call.status === "CLOSED" ? <Link href={`/service-calls/${call.id}/select`} className={buttonClass("secondary", "sm")}>{t("section.select")}</Link> : null}
      {contractsInScope && call.status === "SELECTED" ? (
        <Link href={`/service-calls/${call.id}/contract`} className={buttonClass("secondary", "sm")}>{call.contract ? t("section.contract") : t("section.createContract")}</Link>
      ) : null}
    </div>
  );
  return (
    <Card title={t("section.title")} actions={actions}>
      <div className="space-y-5" data-testid="call-panel-section">
        {selected ? (
          <Notice tone="success">
            <span className="font-medium">{t("section.selected", { agency: localName(selected.organization, locale) })}</span>
            {call.selectionReason ? <span className="mt-1 block">{t("section.reasonValue", { reason: call.selectionReason })}</span> : null}
          </Notice>
        ) : null}
        <PanelTable callId={call.id} members={call.panel} progress={call.progress} />
        {call.status === "CLOSED" || call.status === "SELECTED" ? <RankingTable ranking={call.ranking} /> : <p className="text-sm text-slate-600">{t("section.noRanking")}</p>}
      </div>
    </Card>
  );
}
