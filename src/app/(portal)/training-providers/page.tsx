import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { listProviders } from "@/server/trainings/providers";
import { can } from "@/domain/authz/matrix";
import { addYears, isoDay, todayInCity } from "@/domain/common/calendar-day";
import { dayFormatter } from "@/domain/common/day-format";
import { isCurrentApproval } from "@/domain/trainings/rules";
import { localName } from "@/i18n/local-name";
import { ApprovalForm, RevokeApproval } from "@/features/trainings/components/forms";
import { Badge, Card, EmptyState, Notice, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trainings.providers");
  return { title: t("title") };
}

/**
 * Commissioned training providers (委托具有培训资质的专业机构): each with the approval in force
 * and its history; the city approves (a period and scopes) and revokes with a reason.
 */
export default async function TrainingProvidersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("trainingProviders.read");
  const sp = await searchParams;
  const today = todayInCity();
  const [t, tAll, locale, format, providers] = await Promise.all([getTranslations("trainings"), getTranslations(), getLocale(), getFormatter(), listProviders(user, today)]);
  const day = dayFormatter(format);
  const approve = can(user, "trainingProviders.approve");
  const scopes = (list: string[]) => list.map((s) => t(`scopes.${s as "THEORY"}`)).join("、");
  return (
    <div className="space-y-6">
      <PageHeader title={t("providers.title")} description={t("providers.description")} />
      {sp.approved ? <Notice tone="success">{t("providers.approved")}</Notice> : null}
      {sp.revoked ? <Notice tone="success">{t("providers.revoked")}</Notice> : null}
      <DataTable
        caption={t("providers.title")}
        rowHeaders
        empty={<EmptyState title={t("providers.empty")}>{t("providers.emptyHint")}</EmptyState>}
        columns={[{ label: t("providers.provider") }, { label: t("providers.district") }, { label: t("providers.current") }, { label: t("providers.programmes"), numeric: true }]}
        rows={providers.map((p) => ({
          key: p.id,
          testId: "provider-row",
          cells: [
            localName(p, locale),
            localName(p.region, locale),
            p.current ? (
              <span key="c" data-testid="current-approval">
                <Badge tone="green">{t("providers.inForce")}</Badge>
                <span className="mt-1 block text-xs text-slate-700">{`${scopes(p.current.scopes)} · ${day(p.current.validFrom)} – ${day(p.current.validTo)}`}</span>
              </span>
            ) : (
              <Badge key="n" tone="amber">{t("providers.none")}</Badge>
            ),
            <Link key="n" href={`/trainings?provider=${p.id}`} className="text-brand-700 hover:underline">{p._count.trainings}</Link>,
          ],
        }))}
      />
      {providers.map((p) =>
        p.providerApprovals.length ? (
          <Card key={p.id} title={t("providers.historyOf", { provider: localName(p, locale) })}>
            <DataTable
              caption={t("providers.historyOf", { provider: localName(p, locale) })}
              columns={[{ label: t("providers.scopes") }, { label: t("providers.period") }, { label: t("providers.state") }, ...(approve ? [{ label: t("providers.revoke"), srOnly: true, actions: true }] : [])]}
              rows={p.providerApprovals.map((a) => ({
                key: a.id,
                testId: "approval-row",
                cells: [
                  scopes(a.scopes),
                  `${day(a.validFrom)} – ${day(a.validTo)}`,
                  a.revokedAt ? (
                    <span key="r">
                      <Badge tone="red">{t("providers.revokedBadge")}</Badge>
                      <span className="mt-1 block text-xs text-slate-700">{t("providers.revokedWhy", { reason: a.revokedReason ?? "" })}</span>
                    </span>
                  ) : isCurrentApproval(a, today) ? (
                    <Badge key="c" tone="green">{t("providers.inForce")}</Badge>
                  ) : a.validTo.getTime() < today.getTime() ? (
                    <Badge key="e" tone="slate">{t("providers.expired")}</Badge>
                  ) : (
                    <Badge key="f" tone="blue">{t("providers.future")}</Badge>
                  ),
                  ...(approve ? [!a.revokedAt && a.validTo.getTime() >= today.getTime() ? <RevokeApproval key="x" id={a.id} version={a.version} provider={localName(p, locale)} extraNamespaces={["trainings.errors"]} /> : null] : []),
                ],
              }))}
            />
          </Card>
        ) : null,
      )}
      {approve ? (
        <Card title={t("providers.approveTitle")}>
          <p className="mb-4 text-sm text-slate-600">{t("providers.approveIntro", { kind: tAll("orgKinds.TRAINING_PROVIDER") })}</p>
          <ApprovalForm providers={providers.map((p) => ({ id: p.id, label: localName(p, locale) }))} today={isoDay(today)} nextYear={isoDay(new Date(addYears(today, 1).getTime() - 86_400_000))} />
        </Card>
      ) : null}
    </div>
  );
}
