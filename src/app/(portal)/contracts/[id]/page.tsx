import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getContract, replacementCandidates } from "@/server/contracts/queries";
import { can } from "@/domain/authz/matrix";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { Badge, Notice, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ContractMilestones, ContractParticulars, ContractStaffCard } from "@/features/contracts/components/contract-detail";
import { CONTRACT_TONE } from "@/features/contracts/components/status";
import { ContractEvaluations } from "@/features/evaluation-outcome/components/contract-evaluations";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contracts");
  return { title: t("title") };
}

const NOTICES = ["reported", "decided", "paidNow", "waitingNow", "replaced", "closed"] as const;

export default async function ContractPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string | string[] }> }) {
  const user = await requirePermission("contracts.read");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const notice = NOTICES.find((n) => n === sp.notice);
  const c = await getContract(user, id);
  if (!c) notFound();
  const [t, tc, locale, format, candidates] = await Promise.all([
    getTranslations("contracts"),
    getTranslations("common"),
    getLocale(),
    getFormatter(),
    can(user, "milestones.report") && c.status === "ACTIVE" ? replacementCandidates(user, c.id) : Promise.resolve(null),
  ]);
  const te = await getTranslations("enums");
  const day = dayFormatter(format);
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={tc("breadcrumb")} href="/contracts">{t("title")}</Breadcrumb>
        <PageHeader
          title={`${c.reference} · ${c.call.title}`}
          description={`${localName(c.organization, locale)} · ${t(`types.${c.call.type}`)}`}
          actions={
            <span className="flex flex-wrap gap-1" data-testid="contract-status">
              <Badge tone={CONTRACT_TONE[c.status]}>{c.closedOn ? t("detail.closedOn", { date: day(c.closedOn) }) : t(`statuses.${c.status}`)}</Badge>
              {c.shortfall ? <Badge tone="red">{t("shortfallBadge")}</Badge> : null}
            </span>
          }
        />
        {notice ? <Notice tone="success">{t(`detail.${notice}`)}</Notice> : null}
      </div>
      <ContractParticulars c={c} />
      <ContractStaffCard c={c} candidates={candidates?.map((p) => ({ id: p.id, label: `${p.name} · ${te(`qualificationLevel.${p.qualificationLevel}`)}` })) ?? null} />
      <ContractEvaluations contractId={c.id} principal={user} closedGrade={c.closedGrade} />
      <ContractMilestones c={c} />
    </div>
  );
}
