import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TDraw, TDrawVerification, TSampleMilestone } from "@/server/spot-checks/draws";
import { dayFormatter, instantDayFormatter, momentFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { formatFen } from "@/lib/money";
import { DataTable } from "@/components/ui/data-table";
import { Badge, Notice } from "@/components/ui/card";
import { SectionCard } from "@/components/ui/section-card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { buttonClass } from "@/components/ui/button";
import { CheckItemForm } from "./forms";

const TONE = { PENDING: "slate", PASSED: "green", FAILED: "red" } as const;

/** A draw's particulars: period, share, seed, population and sample, body, when. */
export async function DrawParticulars({ draw }: { draw: TDraw }) {
  const [t, locale, format] = await Promise.all([getTranslations("spotChecks.detail"), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  const tp = await getTranslations("spotChecks");
  return (
    <SectionCard id="particulars" title={t("particulars")}>
      <DescriptionList testId="draw-particulars">
        <DescriptionItem label={t("period")} testId="draw-period">{tp("period", { start: day(draw.periodStart), end: day(draw.periodEnd) })}</DescriptionItem>
        <DescriptionItem label={t("body")}>{localName(draw.body, locale)}</DescriptionItem>
        <DescriptionItem label={t("seed")} testId="draw-seed"><code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm">{draw.seed}</code></DescriptionItem>
        <DescriptionItem label={t("population")} testId="draw-population">{draw.populationCount}</DescriptionItem>
        <DescriptionItem label={t("sample")} testId="draw-sample-count">{draw.sampleCount}</DescriptionItem>
        <DescriptionItem label={t("percent")}>{`${draw.percent}%`}</DescriptionItem>
        <DescriptionItem label={t("drawnAt")}>{momentFormatter(format)(draw.drawnAt)}</DescriptionItem>
      </DescriptionList>
    </SectionCard>
  );
}

/** The sampled milestones, each with its document check; an evaluator of the body marks them. */
export async function DrawItems({ draw, canCheck, linkContracts, actions }: { draw: TDraw; canCheck: boolean; linkContracts: boolean; actions?: React.ReactNode }) {
  const [t, ts, locale, format] = await Promise.all([getTranslations("spotChecks.detail"), getTranslations("spotChecks"), getLocale(), getFormatter()]);
  const onDay = instantDayFormatter(format);
  return (
    <SectionCard id="items" title={t("itemsTitle")} actions={actions}>
      <DataTable
        caption={t("itemsTitle")}
        testId="draw-items"
        rowHeaders
        columns={[
          { label: t("contract") },
          { label: t("agency") },
          { label: t("milestone") },
          { label: t("amount"), numeric: true },
          { label: t("acceptedOn") },
          { label: t("status") },
          ...(canCheck ? [{ label: ts("check.result"), srOnly: true, className: "sm:min-w-[20rem]" }] : []),
        ]}
        rows={draw.items.map((i) => {
          const m = i.milestone;
          const label = `${m.contract.reference} ${t("milestoneLabel", { number: m.number, title: m.title })}`;
          return {
            key: i.id,
            testId: "draw-item",
            data: { milestone: m.id, status: i.status, contract: m.contract.reference, number: String(m.number) },
            cells: [
              linkContracts ? <Link key="c" href={`/contracts/${m.contract.id}`} className="whitespace-nowrap font-medium text-brand-700 hover:underline">{m.contract.reference}</Link> : <span key="c" className="whitespace-nowrap">{m.contract.reference}</span>,
              localName(m.contract.organization, locale),
              t("milestoneLabel", { number: m.number, title: m.title }),
              formatFen(m.amountFen, locale),
              <span key="d" className="whitespace-nowrap">{m.decidedAt ? onDay(m.decidedAt) : "—"}</span>,
              <div key="s" className="space-y-1">
                <Badge tone={TONE[i.status]}>{ts(`statuses.${i.status}`)}</Badge>
                {i.note ? <p className="text-sm text-slate-700">{i.note}</p> : null}
                {i.checkedAt ? <p className="text-xs text-slate-500">{ts("check.checkedOn", { date: onDay(i.checkedAt) })}</p> : null}
              </div>,
              ...(canCheck ? [<CheckItemForm key="f" itemId={i.id} version={i.version} status={i.status} note={i.note} label={label} />] : []),
            ],
          };
        })}
      />
    </SectionCard>
  );
}

function MilestoneList({ title, rows, testId, tm }: { title: string; rows: TSampleMilestone[]; testId: string; tm: (m: TSampleMilestone) => string }) {
  if (!rows.length) return null;
  return (
    <div data-testid={testId}>
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
        {rows.map((m) => (
          <li key={m.id} data-milestone={m.id}>{tm(m)}</li>
        ))}
      </ul>
    </div>
  );
}

/** "Draw again with this seed": the button, and once asked, whether the sample is the same (and if not, why). */
export async function DrawVerification({ drawId, result }: { drawId: string; result: TDrawVerification | null }) {
  const [t, td] = await Promise.all([getTranslations("spotChecks.verify"), getTranslations("spotChecks.detail")]);
  const tm = (m: TSampleMilestone) => `${m.contractReference} ${td("milestoneLabel", { number: m.number, title: m.title })}`;
  return (
    <SectionCard id="verify" title={t("title")}>
      <div className="space-y-3">
        <p className="text-sm text-slate-600">{t("hint")}</p>
        <a href={`/spot-checks/${drawId}?verify=1#verify`} className={buttonClass("secondary")} data-testid="verify-link">{t("run")}</a>
        {result ? (
          <div className="space-y-3" data-testid="verify-result" data-same={String(result.same)}>
            {result.same ? (
              <Notice tone="success">{t("same", { count: result.sample.length })}</Notice>
            ) : (
              <Notice tone="error">{t("different", { then: result.populationThen, now: result.populationNow })}</Notice>
            )}
            <MilestoneList title={t("acceptedSince")} rows={result.acceptedSince} testId="verify-accepted-since" tm={tm} />
            <MilestoneList title={t("noLongerAccepted")} rows={result.noLongerAccepted} testId="verify-no-longer" tm={tm} />
            <MilestoneList title={t("onlyThen")} rows={result.onlyThen} testId="verify-only-then" tm={tm} />
            <MilestoneList title={t("onlyNow")} rows={result.onlyNow} testId="verify-only-now" tm={tm} />
            <MilestoneList title={t("redrawn")} rows={result.sample} testId="verify-sample" tm={tm} />
          </div>
        ) : null}
      </div>
    </SectionCard>
  );
}
