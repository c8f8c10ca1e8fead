import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { approvalCandidates, CANDIDATE_LIMIT, supervisorApprovals } from "@/server/supervision/queries";
import { getSupervisionSettings } from "@/server/plan/training-settings";
import { ApproveForm } from "@/features/supervision/components/approve-form";
import { eligibilityWords } from "@/features/supervision/components/eligibility-text";
import { localName } from "@/i18n/local-name";
import { withdrawSupervisorApprovalAction } from "@/features/supervision/actions";
import { instantDayFormatter } from "@/domain/common/day-format";
import { parsePage } from "@/lib/pagination";
import { Card, EmptyState, Notice, PageHeader } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supervision.approve");
  return { title: t("title") };
}

export default async function ApproveSupervisorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("supervision.approveSupervisor");
  const sp = await searchParams;
  const q = (typeof sp.q === "string" ? sp.q : "").trim().slice(0, 100);
  const [t, te, locale, format, words, settings, found, approvals] = await Promise.all([
    getTranslations("supervision"),
    getTranslations("enums"),
    getLocale(),
    getFormatter(),
    eligibilityWords(),
    getSupervisionSettings(),
    approvalCandidates(user, q),
    supervisorApprovals(user, parsePage(sp.page)),
  ]);
  const day = instantDayFormatter(format);
  const options = found.items.map((c) => ({
    id: c.id,
    label: c.name,
    detail: [c.organization ? localName(c.organization, locale) : "", te(`qualificationLevel.${c.qualificationLevel}`)].filter(Boolean).join(" · "),
    note: words.summary(c.standing.eligibility),
    approved: !!c.standing.approval,
    badge: c.standing.approval ? t("approve.alreadyApproved") : words.label(c.standing.eligibility),
  }));
  return (
    <div className="space-y-6">
      <PageHeader title={t("approve.title")} description={t("approve.description")} actions={<Link href="/supervision" className={buttonClass("secondary")}>{t("start.back")}</Link>} />
      {sp.withdrawn ? <Notice tone="success">{t("notices.withdrawn")}</Notice> : null}
      <Card>
        <p className="mb-4 text-sm text-slate-700"><span className="font-medium text-slate-900">{t("ruleTitle")}</span> {words.rule(settings)}</p>
        <form method="get" action="/supervision/approve" role="search" className="mb-5 flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1">
            <label htmlFor="approve-q" className="mb-1 block text-sm font-medium text-slate-700">{t("approve.search")}</label>
            <input id="approve-q" name="q" defaultValue={q} className={inputClass()} />
          </div>
          <button type="submit" className={buttonClass("secondary")}>{t("start.search")}</button>
        </form>
        {options.length === 0 ? (
          <EmptyState title={q ? t("approve.noMatch", { q }) : t("approve.searchFirst")}>{q ? t("approve.noMatchHint") : t("approve.searchFirstHint")}</EmptyState>
        ) : (
          <>
            {found.more ? <p className="mb-3 text-sm text-slate-600">{t("start.more", { count: CANDIDATE_LIMIT })}</p> : null}
            <ApproveForm key={q} options={options} />
          </>
        )}
      </Card>
      <Card title={t("approve.listTitle")}>
        <DataTable
          caption={t("approve.listTitle")}
          empty={<EmptyState title={t("approve.listEmpty")} />}
          columns={[
            { label: t("approve.columns.person") },
            { label: t("approve.columns.level") },
            { label: t("approve.columns.approvedAt") },
            { label: t("approve.columns.note") },
            { label: t("approve.columns.active"), numeric: true },
            { label: t("approve.columns.actions") },
          ]}
          rows={approvals.items.map((a) => ({
            key: a.id,
            testId: "supervisor-approval",
            cells: [
              <div key="p">
                <div className="font-medium text-slate-900">{a.person.name}</div>
                {a.person.organization ? <div className="text-xs text-slate-600">{localName(a.person.organization, locale)}</div> : null}
              </div>,
              te(`qualificationLevel.${a.person.qualificationLevel}`),
              day(a.approvedAt),
              <span key="n" className="whitespace-pre-line">{a.note}</span>,
              a.activeSupervisees,
              <ConfirmAction
                key="w"
                action={withdrawSupervisorApprovalAction}
                fields={{ practitionerId: a.person.id }}
                label={t("approve.withdraw")}
                title={t("approve.withdrawTitle", { name: a.person.name })}
                body={t("approve.withdrawBody", { count: a.activeSupervisees })}
                confirmLabel={t("approve.withdraw")}
              />,
            ],
          }))}
        />
        {approvals.total > approvals.pageSize ? <ListPagination result={approvals} basePath="/supervision/approve" params={q ? { q } : {}} /> : null}
      </Card>
    </div>
  );
}
