import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TContractDetail } from "@/server/contracts/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { formatFen } from "@/lib/money";
import { localName } from "@/i18n/local-name";
import { Badge, Notice } from "@/components/ui/card";
import { SectionCard } from "@/components/ui/section-card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { DataTable } from "@/components/ui/data-table";
import { CloseContractForm, DecideMilestoneForm, DecidePaymentForm, ReplaceStaffForm, ReportMilestoneForm, RequestPaymentForm } from "./contract-forms";
import { DISBURSEMENT_TONE, MILESTONE_TONE } from "./status";

type TCandidate = { id: string; label: string };

/** The contract's particulars: who, for whom, what, when, how much, and the staffing it requires. */
export async function ContractParticulars({ c }: { c: TContractDetail }) {
  const [t, te, locale, format] = await Promise.all([getTranslations("contracts"), getTranslations("enums"), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  return (
    <SectionCard id="particulars" title={t("detail.particulars")}>
      <DescriptionList testId="contract-particulars">
        <DescriptionItem label={t("detail.agency")}>{localName(c.organization, locale)}</DescriptionItem>
        <DescriptionItem label={t("detail.department")}>{c.call.department ? localName(c.call.department, locale) : t("cityCommissioned")}</DescriptionItem>
        <DescriptionItem label={t("detail.district")}>{c.district ? localName(c.district, locale) : t("cityLevel")}</DescriptionItem>
        <DescriptionItem label={t("detail.type")}>{t(`types.${c.call.type}`)}</DescriptionItem>
        <DescriptionItem label={t("detail.field")}>{te(`practiceField.${c.call.practiceField}`)}</DescriptionItem>
        <DescriptionItem label={t("detail.term")}>{t("detail.termRange", { start: day(c.termStart), end: day(c.termEnd) })}</DescriptionItem>
        <DescriptionItem label={t("detail.value")} testId="contract-value">{formatFen(c.valueFen, locale)}</DescriptionItem>
        <DescriptionItem label={t("detail.paid")} testId="contract-paid">{formatFen(c.paidFen, locale)}</DescriptionItem>
        <DescriptionItem label={t("detail.line")}>{`${c.budgetLine.fund.year} · ${c.budgetLine.fund.name} · ${c.budgetLine.name}`}</DescriptionItem>
        <DescriptionItem label={t("detail.call")}>{`${c.call.reference} · ${c.call.title}`}</DescriptionItem>
        <DescriptionItem label={t("detail.staffing")} wide>{t("detail.staffingRule", { count: c.minQualifiedStaff, percent: c.minQualifiedPercent })}</DescriptionItem>
      </DescriptionList>
    </SectionCard>
  );
}

/** Named staff with today's check against the register; the agency replaces a person here. */
export async function ContractStaffCard({ c, candidates }: { c: TContractDetail; candidates: TCandidate[] | null }) {
  const [t, te, format] = await Promise.all([getTranslations("contracts"), getTranslations("enums"), getFormatter()]);
  const day = dayFormatter(format);
  return (
    <SectionCard id="staff" title={t("detail.staff")}>
      <div className="space-y-4">
        {c.shortfall ? (
          <div role="alert" data-testid="shortfall" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
            <p className="font-semibold">{t("detail.shortfallTitle", { date: day(c.shortfall.since) })}</p>
            <ul className="mt-1 list-disc pl-5">
              {c.shortfall.people.map((p) => (
                <li key={p.practitionerId}>{t("detail.personLine", { name: p.name, reason: t(`reasons.${p.reason}`), date: day(p.since) })}</li>
              ))}
            </ul>
            <p className="mt-1">{t("detail.shortfallBody")}</p>
          </div>
        ) : c.status === "ACTIVE" ? (
          <Notice tone="success">{t("detail.staffingMet")}</Notice>
        ) : null}
        <p className="text-sm text-slate-600">{`${t("detail.staffCount", { counting: c.counting, named: c.staff.length })} · ${t("detail.staffHint")}`}</p>
        <DataTable
          caption={t("detail.staff")}
          empty={<p className="text-sm text-slate-500">{t("detail.noStaff")}</p>}
          columns={[
            { label: t("detail.name") },
            { label: t("detail.level") },
            { label: t("detail.registrationEnd") },
            { label: t("detail.named") },
            { label: t("detail.check") },
            ...(candidates ? [{ label: t("detail.replace"), actions: true }] : []),
          ]}
          rows={c.staff.map((s) => ({
            key: s.id,
            testId: "staff-row",
            cells: [
              s.name,
              te(`qualificationLevel.${s.qualificationLevel}`),
              day(s.registrationEnd),
              day(s.from),
              s.counts ? <Badge tone="green">{t("detail.counts")}</Badge> : <Badge tone="red">{t(`reasons.${s.reason!}`)}</Badge>,
              ...(candidates ? [<ReplaceStaffForm key="r" contractStaffId={s.id} name={s.name} candidates={candidates} />] : []),
            ],
          }))}
        />
        {c.formerStaff.length ? (
          <div>
            <h3 className="text-sm font-medium text-slate-700">{t("detail.formerStaff")}</h3>
            <ul className="mt-1 text-sm text-slate-600">
              {c.formerStaff.map((f) => (
                <li key={f.id}>{t("detail.formerRange", { name: f.practitioner.name, from: day(f.from), to: day(f.to) })}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </SectionCard>
  );
}

/** Milestones with their reports, decisions and payments, and the forms each role may use. */
export async function ContractMilestones({ c }: { c: TContractDetail }) {
  const [t, locale, format] = await Promise.all([getTranslations("contracts"), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  const money = (fen: bigint) => formatFen(fen, locale);
  return (
    <SectionCard id="milestones" title={t("detail.milestones")}>
      {c.milestones.length === 0 ? <p className="text-sm text-slate-500">{t("detail.noMilestones")}</p> : null}
      <ol className="space-y-4">
        {c.milestones.map((m) => (
          <li key={m.id} className="rounded-md border border-slate-200 p-4" data-testid="milestone" data-number={m.number} data-status={m.status}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 className="text-sm font-semibold text-slate-900">{t("detail.milestoneTitle", { number: m.number, title: m.title })}</h3>
              <span className="flex flex-wrap gap-1">
                <Badge tone={MILESTONE_TONE[m.status]}>{t(`milestoneStatuses.${m.status}`)}</Badge>
                {m.late ? <Badge tone="red">{t("detail.late")}</Badge> : null}
              </span>
            </div>
            <DescriptionList className="mt-2 gap-3 sm:grid-cols-2 lg:grid-cols-4">
              <DescriptionItem label={t("detail.deliverable")}>{m.deliverable}</DescriptionItem>
              <DescriptionItem label={t("detail.due")}>{day(m.dueDate)}</DescriptionItem>
              <DescriptionItem label={t("detail.amount")}>{money(m.amountFen)}</DescriptionItem>
              <DescriptionItem label={t("detail.payments")}>
                <span data-testid="milestone-paid">{t("detail.paidOfAmount", { paid: money(m.paidFen), amount: money(m.amountFen) })}</span>
                {m.waitingFen > 0n ? <span className="block text-xs text-amber-800">{t("detail.waiting", { amount: money(m.waitingFen) })}</span> : null}
              </DescriptionItem>
            </DescriptionList>
            {m.reportedAt ? (
              <div className="mt-3 rounded bg-slate-50 p-3 text-sm">
                <p className="font-medium text-slate-700">{`${t("detail.report")} · ${t("detail.reportedOn", { date: day(m.reportedAt) })}`}</p>
                {m.reportNote ? <p className="mt-1 whitespace-pre-line text-slate-800">{m.reportNote}</p> : null}
                {m.reportFileKey ? (
                  <a href={`/api/files/${m.reportFileKey}`} className="mt-1 inline-block font-medium text-brand-700 hover:underline">{t("detail.openReportFile")}</a>
                ) : null}
              </div>
            ) : null}
            {m.status === "RETURNED" && m.returnReason ? <p className="mt-2 text-sm text-red-800">{t("detail.returnReason", { reason: m.returnReason })}</p> : null}
            {m.disbursements.length ? (
              <ul className="mt-3 space-y-2 text-sm" aria-label={t("detail.payments")}>
                {m.disbursements.map((d) => (
                  <li key={d.id} className="rounded border border-slate-200 p-3" data-testid="payment" data-status={d.status}>
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium tabular-nums">{money(d.amountFen)}</span>
                      <Badge tone={DISBURSEMENT_TONE[d.status]}>{t(`disbursementStatuses.${d.status}`)}</Badge>
                      <span className="text-slate-600">{t("detail.requestedBy", { name: d.requestedBy ?? "—", date: day(d.createdAt) })}</span>
                      {d.status === "PAID" && d.approvedBy ? <span className="text-slate-600">{t("detail.approvedBy", { name: d.approvedBy })}</span> : null}
                      {d.status === "REFUSED" ? <span className="text-red-800">{t("detail.refusedBy", { name: d.approvedBy ?? "—", reason: d.reason ?? "" })}</span> : null}
                    </div>
                    {d.status === "REQUESTED" && c.canApprove ? (
                      <div className="mt-2">{d.mine ? <p className="text-slate-600">{t("detail.ownRequest")}</p> : <DecidePaymentForm disbursementId={d.id} extraNamespaces={["funds.errors"]} />}</div>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="mt-3 space-y-3">
              {c.canReport && (m.status === "PENDING" || m.status === "RETURNED") ? <ReportMilestoneForm milestoneId={m.id} version={m.version} number={m.number} /> : null}
              {c.canAccept && m.status === "REPORTED" ? <DecideMilestoneForm milestoneId={m.id} version={m.version} number={m.number} /> : null}
              {c.canRequest && m.status === "ACCEPTED" && m.payableFen > 0n ? (
                <RequestPaymentForm milestoneId={m.id} number={m.number} max={money(m.payableFen)} threshold={money(c.thresholdFen)} extraNamespaces={["funds.errors"]} />
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      {c.canClose ? (
        <div className="mt-4 border-t border-slate-200 pt-4">
          {c.finalEvaluationReady ? <CloseContractForm contractId={c.id} version={c.version} /> : <p className="text-sm text-slate-600" data-testid="close-waits-evaluation">{t("errors.finalEvaluationNotFinal")}</p>}
        </div>
      ) : null}
      <p className="mt-4 text-sm">
        <Link href="/contracts" className="font-medium text-brand-700 hover:underline">{t("detail.backToList")}</Link>
      </p>
    </SectionCard>
  );
}
