import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getCallForPanel } from "@/server/scoring/queries";
import { formatPoints, sheetTotal, toHundredths } from "@/domain/scoring/rules";
import { momentFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { formatFen } from "@/lib/money";
import { CallHeading } from "@/features/scoring/components/call-heading";
import { DeclareForm, ScoreForm } from "@/features/scoring/components/forms";
import { Badge, Card, EmptyState, Notice } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scoring");
  return { title: t("title") };
}

export default async function ScorePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("proposals.score");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const call = await getCallForPanel(user, id);
  // Only a seat on the panel opens the scoring page: any other call reads as absent.
  if (!call || !call.access.seat || call.status === "DRAFT") notFound();
  const [t, locale, format] = await Promise.all([getTranslations("scoring"), getLocale(), getFormatter()]);
  const seat = call.panel.find((m) => m.id === call.access.seat)!;
  const scorable = call.proposals.filter((p) => p.status === "SUBMITTED");
  const criteria = call.criteria.map((c) => ({ id: c.id, weight: c.weight, maxScore: c.maxScore }));
  const closed = call.status === "CLOSED" && call.pastDeadline;

  let body;
  if (call.status === "SELECTED" || call.status === "CANCELLED") body = <Notice tone="info">{t("score.finished")}</Notice>;
  else if (!closed) body = <Notice tone="info">{t("score.notClosed", { deadline: momentFormatter(format)(call.deadline) })}</Notice>;
  else if (!seat.declaredAt)
    body = (
      <Card title={t("declare.title")}>
        <DeclareForm callId={call.id} agencies={scorable.map((p) => localName(p.organization, locale))} />
      </Card>
    );
  else if (seat.conflict) body = <Notice tone="error">{t("score.conflict")}</Notice>;
  else
    body = (
      <>
        <Card title={t("score.criteria")}>
          <DataTable
            caption={t("score.criteria")}
            columns={[{ label: t("score.criterion") }, { label: t("score.weight"), numeric: true }, { label: t("score.maxScore"), numeric: true }]}
            rows={call.criteria.map((c) => ({ key: c.id, cells: [`${c.number}. ${c.name}`, t("score.weightValue", { weight: c.weight }), c.maxScore] }))}
          />
        </Card>
        {scorable.length === 0 ? <EmptyState title={t("score.noProposals")} /> : null}
        {scorable.map((p) => {
          const sheet = call.sheets.get(`${p.id}:${seat.id}`) ?? new Map<string, number>();
          const total = sheetTotal(criteria, sheet);
          const agency = localName(p.organization, locale);
          return (
            <div key={p.id} data-testid={`proposal-${p.id}`} data-agency={agency}>
              <Card
                title={agency}
                actions={total ? <Badge tone="green">{t("score.yourTotal", { points: formatPoints(toHundredths(total)) })}</Badge> : <Badge tone="slate">{t("score.notYet")}</Badge>}
              >
                <div className="space-y-4">
                  <dl className="grid gap-3 text-sm sm:grid-cols-3">
                    <div>
                      <dt className="text-slate-500">{t("score.amount")}</dt>
                      <dd className="font-medium text-slate-900">{formatFen(p.totalFen, locale)}</dd>
                    </div>
                    <div className="sm:col-span-2">
                      <dt className="text-slate-500">{t("score.staff")}</dt>
                      <dd className="text-slate-900">{p.staff.map((s) => s.practitioner.name).join("、") || "—"}</dd>
                    </div>
                    <div className="sm:col-span-3">
                      <dt className="text-slate-500">{t("score.narrative")}</dt>
                      <dd className="whitespace-pre-line text-slate-800">{p.narrative}</dd>
                    </div>
                  </dl>
                  <ScoreForm callId={call.id} proposalId={p.id} criteria={call.criteria.map((c) => ({ id: c.id, name: c.name, maxScore: c.maxScore }))} scores={Object.fromEntries(sheet)} />
                </div>
              </Card>
            </div>
          );
        })}
      </>
    );

  return (
    <div className="space-y-6">
      <CallHeading call={call} title={t("score.pageTitle", { reference: call.reference })} />
      {sp.declared ? <Notice tone="success">{t("score.declared")}</Notice> : null}
      {body}
    </div>
  );
}
