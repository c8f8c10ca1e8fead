import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { callProposals, getCall, ownProposal } from "@/server/service-calls/queries";
import { can, scopeOf } from "@/domain/authz/matrix";
import { acceptsProposals } from "@/domain/service-calls/rules";
import { localName } from "@/i18n/local-name";
import { formatFen } from "@/lib/money";
import { CallCriteria, CallParticulars } from "@/features/service-calls/components/call-particulars";
import { CallManageActions } from "@/features/service-calls/components/manage-actions";
import { ProposalsCard } from "@/features/service-calls/components/proposals-card";
import { CallStatusBadge, ProposalStatusBadge } from "@/features/service-calls/components/status-badge";
import { EligibilityLines } from "@/features/service-calls/components/forms";
import { CallPanelSection } from "@/features/scoring/components/call-panel-section";
import { withdrawProposalAction } from "@/features/service-calls/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("serviceCalls");
  return { title: t("detail.title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * A call: particulars, criteria; for its managers what manages it; the proposals the caller may
 * read (an agency its own, with the way to propose or withdraw while the call takes proposals).
 */
export default async function ServiceCallPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("serviceCalls.read");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const call = await getCall(user, id);
  if (!call) notFound();
  const now = new Date();
  const agency = scopeOf(user.role, "proposals.submit") === "organization";
  const [t, tAll, locale, proposals, own] = await Promise.all([
    getTranslations("serviceCalls"),
    getTranslations(),
    getLocale(),
    can(user, "proposals.read") && !agency ? callProposals(user, call.id) : Promise.resolve([]),
    agency ? ownProposal(user, call.id) : Promise.resolve(null),
  ]);
  const taking = acceptsProposals(call, now);
  const closed = one(sp.closed)?.split("-").map(Number);
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("breadcrumb")} href="/service-calls">{t("title")}</Breadcrumb>
        <PageHeader
          title={call.title}
          description={`${call.reference} · ${t(`types.${call.type}`)} · ${call.department ? localName(call.department, locale) : t("form.cityItself")}`}
          actions={<CallStatusBadge status={call.status} />}
        />
        <div className="space-y-2">
          {sp.created ? <Notice tone="success">{t("notices.created")}</Notice> : null}
          {sp.saved ? <Notice tone="success">{t("notices.saved")}</Notice> : null}
          {sp.published ? <Notice tone="success">{t("notices.published")}</Notice> : null}
          {sp.cancelled ? <Notice tone="success">{t("notices.cancelled")}</Notice> : null}
          {closed && closed.length === 2 ? <Notice tone="success">{t("notices.closed", { proposals: closed[0] ?? 0, ineligible: closed[1] ?? 0 })}</Notice> : null}
          {sp.submitted ? <Notice tone="success">{t("notices.submitted")}</Notice> : null}
          {sp.withdrawn ? <Notice tone="success">{t("notices.withdrawn")}</Notice> : null}
        </div>
      </div>

      {call.manage ? <CallManageActions call={call} now={now} /> : null}

      <Card title={t("detail.particulars")}>
        <CallParticulars call={call} />
      </Card>

      <Card title={t("detail.criteria")}>
        <CallCriteria call={call} />
      </Card>

      {agency ? (
        <Card title={t("detail.ownProposal")}>
          {own && own.status !== "WITHDRAWN" ? (
            <div className="space-y-4" data-testid="own-proposal">
              <div className="flex flex-wrap items-center gap-3">
                <ProposalStatusBadge status={own.status} />
                <span className="text-sm text-slate-700">{tAll("common.labelled", { label: t("detail.total"), value: formatFen(own.totalFen, locale) })}</span>
              </div>
              <p className="whitespace-pre-line text-sm text-slate-800">{own.narrative}</p>
              <ul className="text-sm text-slate-700">
                {own.budgetLines.map((l) => (
                  <li key={l.number}>
                    {tAll("common.labelled", { label: l.item, value: formatFen(l.amountFen, locale) })}
                  </li>
                ))}
              </ul>
              <p className="text-sm text-slate-700">
                {tAll("common.labelled", { label: t("detail.staffCount"), value: own.staff.map((s) => s.practitioner.name).join(tAll("common.listSeparator")) || "—" })}
              </p>
              {own.eligibility ? <EligibilityLines lines={own.eligibility.lines} testId="own-eligibility" /> : null}
              {own.status === "SUBMITTED" && taking ? (
                <ConfirmAction action={withdrawProposalAction} extraNamespaces={["serviceCalls.errors"]} fields={{ id: own.id, version: String(own.version) }} label={t("propose.withdraw")} title={t("propose.withdrawTitle")} body={t("propose.withdrawBody")} confirmLabel={t("propose.withdraw")} />
              ) : null}
            </div>
          ) : taking ? (
            <Link href={`/service-calls/${call.id}/propose`} className={buttonClass("primary")} data-testid="propose-link">{t("detail.propose")}</Link>
          ) : (
            <p className="text-sm text-slate-700">{t("propose.notTaking")}</p>
          )}
        </Card>
      ) : null}

      {/* The panel, its declarations and scores, the ranking and the selection (src/features/scoring). */}
      <CallPanelSection callId={call.id} />

      {can(user, "proposals.read") && !agency ? <ProposalsCard rows={proposals} title={t("detail.proposals")} /> : null}
    </div>
  );
}
