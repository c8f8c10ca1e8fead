import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { callProposals } from "@/server/service-calls/queries";
import { momentFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { formatFen } from "@/lib/money";
import { Card, EmptyState } from "@/components/ui/card";
import { ProposalStatusBadge } from "./status-badge";
import { EligibilityLines } from "./forms";

type TRows = Awaited<ReturnType<typeof callProposals>>;

/** The proposals the caller may read, each with its eligibility lines as last checked. */
export async function ProposalsCard({ rows, title }: { rows: TRows; title: string }) {
  const [t, tAll, locale, format] = await Promise.all([getTranslations("serviceCalls"), getTranslations(), getLocale(), getFormatter()]);
  const moment = momentFormatter(format);
  return (
    <Card title={title}>
      {rows.length === 0 ? (
        <EmptyState title={t("detail.proposalsEmpty")} />
      ) : (
        <ul className="space-y-4" data-testid="proposals">
          {rows.map((p) => (
            <li key={p.id} className="rounded-md border border-slate-200 p-4" data-testid="proposal-row" data-agency={p.organization.name}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-medium text-slate-900">{localName(p.organization, locale)}</p>
                <ProposalStatusBadge status={p.status} />
              </div>
              <p className="mt-1 text-sm text-slate-600">
                {[
                  tAll("common.labelled", { label: t("detail.total"), value: formatFen(p.totalFen, locale) }),
                  tAll("common.labelled", { label: t("detail.staffCount"), value: p.staffCount }),
                  tAll("common.labelled", { label: t("detail.submittedAt"), value: moment(p.submittedAt) }),
                ].join(" · ")}
              </p>
              {p.eligibility ? (
                <details className="mt-3" open={!p.eligibility.eligible}>
                  <summary className="cursor-pointer text-sm font-medium text-slate-700">
                    {t("detail.eligibility")} · {p.eligibility.eligible ? t("eligibility.passed") : t("eligibility.failed")} · {t("eligibility.checkedAt", { at: moment(new Date(p.eligibility.checkedAt)) })}
                  </summary>
                  <div className="mt-2">
                    <EligibilityLines lines={p.eligibility.lines} testId={`eligibility-${p.id}`} />
                  </div>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
