import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getManagedCall, lineForContract } from "@/server/scoring/queries";
import { isoDay } from "@/domain/common/calendar-day";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { fenToYuanInput, formatFen } from "@/lib/money";
import { CallHeading } from "@/features/scoring/components/call-heading";
import { ContractForm } from "@/features/scoring/components/forms";
import { Card, Notice } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scoring");
  return { title: t("section.contract") };
}

export default async function ContractPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("contracts.manage");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const call = await getManagedCall(user, id, "contracts.manage");
  if (!call) notFound();
  const [t, te, locale, format] = await Promise.all([getTranslations("scoring"), getTranslations("enums"), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  const selected = call.proposals.find((p) => p.id === call.selectedProposalId);
  const line = await lineForContract(call.budgetLineId);
  const contract = call.contract;

  return (
    <div className="space-y-6">
      <CallHeading call={call} title={t("contract.pageTitle", { reference: call.reference })} description={t("contract.description")} />
      {sp.created ? <Notice tone="success">{t("contract.created")}</Notice> : null}
      {!selected ? (
        <Notice tone="info">{t("contract.notSelected")}</Notice>
      ) : (
        <Card title={t("contract.agency")}>
          <DescriptionList>
            <DescriptionItem label={t("contract.agency")}>{localName(selected.organization, locale)}</DescriptionItem>
            <DescriptionItem label={t("contract.staffing")}>{t("contract.staffingValue", { count: call.minQualifiedStaff, percent: call.minQualifiedPercent })}</DescriptionItem>
            <DescriptionItem label={t("contract.line")}>
              {line ? t("contract.lineAvailable", { line: `${line.fund.year} · ${line.name}`, available: formatFen(line.availableFen, locale) }) : t("contract.noLine")}
            </DescriptionItem>
            <DescriptionItem label={t("contract.staff")} wide>
              {selected.staff.map((s) => t("contract.staffMember", { name: s.practitioner.name, level: te(`qualificationLevel.${s.practitioner.qualificationLevel}`) })).join("、") || "—"}
            </DescriptionItem>
          </DescriptionList>
        </Card>
      )}
      {contract ? (
        <Card title={`${t("contract.reference")} ${contract.reference}`} actions={<Link href={`/contracts/${contract.id}`} className={buttonClass("secondary", "sm")}>{t("contract.open")}</Link>}>
          <div className="space-y-4" data-testid="contract-summary">
            <DescriptionList>
              <DescriptionItem label={t("contract.reference")} testId="contract-reference">{contract.reference}</DescriptionItem>
              <DescriptionItem label={t("contract.value")}>{formatFen(contract.valueFen, locale)}</DescriptionItem>
              <DescriptionItem label={t("contract.term")}>{`${day(contract.termStart)} – ${day(contract.termEnd)}`}</DescriptionItem>
            </DescriptionList>
            <DataTable
              caption={t("contract.milestones")}
              columns={[{ label: "#", numeric: true }, { label: t("contract.mTitle") }, { label: t("contract.mDeliverable") }, { label: t("contract.mDue") }, { label: t("contract.mAmount"), numeric: true }]}
              rows={contract.milestones.map((m) => ({ key: m.id, cells: [m.number, m.title, m.deliverable, day(m.dueDate), formatFen(m.amountFen, locale)] }))}
            />
          </div>
        </Card>
      ) : selected && call.status === "SELECTED" && line ? (
        <Card title={t("section.createContract")}>
          <ContractForm
            extraNamespaces={["funds.errors", "funds.validation"]}
            callId={call.id}
            defaults={{
              value: fenToYuanInput(selected.totalFen < call.budgetFen ? selected.totalFen : call.budgetFen),
              termStart: isoDay(call.termStart),
              termEnd: isoDay(call.termEnd),
              budget: formatFen(call.budgetFen, locale),
            }}
          />
        </Card>
      ) : selected && !line ? (
        <Notice tone="error">{t("contract.noLine")}</Notice>
      ) : null}
    </div>
  );
}
