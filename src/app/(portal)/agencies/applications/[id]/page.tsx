import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getApplication } from "@/server/agencies/application-queries";
import { allowedDecisions, amendLinkLive, isReviewStep, REVIEW_DECISIONS } from "@/domain/agencies/application-rules";
import { ApplicationStatusBadge } from "@/features/agencies/components/application-status-badge";
import { ApplicationParticulars } from "@/features/agencies/components/application-particulars";
import { ApplicationHistory } from "@/features/agencies/components/application-history";
import { ApplicationDistrictComments } from "@/features/agencies/components/application-district-comments";
import { ApplicationReviewPanel } from "@/features/agencies/components/application-review-panel";
import { localName } from "@/i18n/local-name";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { momentFormatter } from "@/domain/common/day-format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencyApplications");
  return { title: t("detail.title") };
}

export default async function ApplicationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const user = await requirePermission("agencyApplications.read");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const [t, ta, locale, format, app] = await Promise.all([getTranslations(), getTranslations("agencyApplications"), getLocale(), getFormatter(), getApplication(user, id)]);
  if (!app) notFound();
  const district = localName(app.region, locale);
  const decisions = allowedDecisions(user, app);
  const when = (d: Date) => momentFormatter(format)(d);
  const done = (REVIEW_DECISIONS as readonly string[]).includes(sp.done ?? "") ? sp.done : null;
  const doneText = done === "APPROVE" ? (app.status === "APPROVED" ? ta("review.doneApproved") : ta("review.doneForwarded")) : done === "REJECT" ? ta("review.doneReject") : done === "RETURN" ? ta("review.doneReturn") : null;
  const expired = app.status === "RETURNED" && !amendLinkLive(app);

  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("common.breadcrumb")} href="/agencies/applications">{ta("queue.title")}</Breadcrumb>
        <PageHeader title={app.name} description={`${app.reference} · ${district}`} actions={<ApplicationStatusBadge status={app.status} />} />
        {doneText ? <Notice tone="success">{doneText}</Notice> : null}
      </div>

      <ApplicationDistrictComments events={app.events} />

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <ApplicationParticulars app={app} district={district} />
        </div>
        <div className="space-y-6">
          <Card title={ta("detail.review")}>
            {decisions.length > 0 && isReviewStep(app.status) ? (
              <div className="space-y-3">
                <p className="text-sm text-slate-700">{app.status === "DISTRICT_REVIEW" ? ta("detail.yourTurnDistrict") : ta("detail.yourTurnCity")}</p>
                <ApplicationReviewPanel application={{ id: app.id, version: app.version, reference: app.reference, name: app.name, step: app.status }} decisions={decisions} />
              </div>
            ) : (
              <div className="space-y-2 text-sm text-slate-700" data-testid="review-state">
                {app.status === "DISTRICT_REVIEW" ? <p>{ta("detail.awaitingDistrict", { district })}</p> : null}
                {app.status === "CITY_REVIEW" ? <p>{ta("detail.awaitingCity")}</p> : null}
                {app.status === "RETURNED" ? (
                  <p>
                    {!app.amendTokenExpiresAt
                      ? ta("detail.returned")
                      : expired
                        ? ta("detail.returnedExpired", { date: when(app.amendTokenExpiresAt) })
                        : ta("detail.returnedWaiting", { date: when(app.amendTokenExpiresAt) })}
                  </p>
                ) : null}
                {app.status === "APPROVED" ? (
                  <>
                    <p>{ta("detail.approvedOn", { date: app.decidedAt ? when(app.decidedAt) : "—" })}</p>
                    {app.organization ? (
                      <p>
                        <Link href={`/agencies/${app.organization.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                          {ta("detail.viewAgency", { name: localName(app.organization, locale) })}
                        </Link>
                      </p>
                    ) : null}
                  </>
                ) : null}
                {app.status === "REJECTED" ? <p>{ta("detail.rejectedOn", { date: app.decidedAt ? when(app.decidedAt) : "—" })}</p> : null}
              </div>
            )}
          </Card>
          <ApplicationHistory events={app.events} />
        </div>
      </div>
    </div>
  );
}
