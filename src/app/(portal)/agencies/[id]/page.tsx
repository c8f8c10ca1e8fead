import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can, scopeOf } from "@/domain/authz/matrix";
import { agencyTarget, getAgency } from "@/server/agencies/queries";
import { allowedStatusTransitions } from "@/domain/agencies/status-rules";
import { parseProfileNotice } from "@/domain/agencies/notices";
import { isoDay } from "@/domain/agencies/schemas";
import { IntegrityFlags } from "@/features/agencies/components/integrity-flags";
import { AgencyStatusBadge } from "@/features/agencies/components/agency-status-badge";
import { StatusActions } from "@/features/agencies/components/status-actions";
import { EndRecordButton } from "@/features/agencies/components/end-record-button";
import { isInForce } from "@/domain/agencies/integrity";
import { todayInCity } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";
import { Badge, Card, Notice, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies");
  return { title: t("profile.title") };
}

function Item({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2 lg:col-span-3" : undefined}>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const KIND_TONE = { COMMENDATION: "green", WARNING: "amber", VIOLATION: "amber", ABNORMAL_LIST: "red", BLACKLIST: "red" } as const;

export default async function AgencyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const target = await agencyTarget(id);
  // Outside the caller's scope: an audited 403; no such agency: 404.
  const user = await requirePermission("agencies.read", target ?? undefined);
  if (!target) notFound();
  const today = todayInCity();
  const [t, locale, format, a] = await Promise.all([getTranslations(), getLocale(), getFormatter(), getAgency(user, id, today)]);
  if (!a) notFound();
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  const none = t("agencies.profile.none");
  const notice = parseProfileNotice(sp.notice);
  const official = scopeOf(user.role, "agencies.read") !== "organization";
  const mayEdit = can(user, "agencies.updateProfile", target);
  const mayManage = can(user, "integrity.manage", target);
  const transitions = can(user, "agencies.changeStatus", target) ? allowedStatusTransitions(a.agencyStatus) : [];
  const name = localName(a, locale);
  return (
    <div className="space-y-6">
      <div>
        {official ? (
          <nav aria-label={t("common.breadcrumb")} className="mb-2 text-sm">
            <Link href="/agencies" className="text-brand-700 hover:underline">{t("agencies.title")}</Link>
          </nav>
        ) : null}
        <PageHeader
          title={name}
          description={[a.district ? localName(a.district, locale) : null, a.creditCode].filter(Boolean).join(" · ") || undefined}
          actions={mayEdit ? <Link href={`/agencies/${a.id}/edit`} className={buttonClass("secondary")}>{official ? t("agencies.profile.edit") : t("agencies.profile.editContact")}</Link> : null}
        />
        {notice ? <Notice tone="success">{t(`agencies.notices.${notice}`)}</Notice> : null}
      </div>

      <div className="flex flex-wrap items-center gap-3" data-testid="agency-summary">
        <AgencyStatusBadge status={a.agencyStatus} />
        {a.agencyStatusSince ? <span className="text-sm text-slate-600">{t("agencies.since", { date: day(a.agencyStatusSince) })}</span> : null}
        <span className="text-sm text-slate-700">
          {t("agencies.ratings.current")}: {a.rating ? `${t(`enums.agencyRatingLevel.${a.rating}`)} (${day(a.ratingDate)})` : t("agencies.list.notRated")}
        </span>
        <IntegrityFlags flags={a.flags} />
      </div>
      {a.flags.length ? <Notice tone="error">{t("agencies.flags.warning")}</Notice> : null}

      <Card title={t("agencies.profile.sections.particulars")}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Item label={t("agencies.profile.fields.creditCode")}><span className="font-mono">{a.creditCode ?? none}</span></Item>
          <Item label={t("agencies.profile.fields.legalRepresentative")}>{a.legalRepresentative ?? none}</Item>
          <Item label={t("agencies.profile.fields.foundedOn")}>{a.foundedOn ? day(a.foundedOn) : none}</Item>
          <Item label={t("agencies.profile.fields.district")}>{a.district ? localName(a.district, locale) : localName(a.region, locale)}</Item>
          <Item label={t("agencies.profile.fields.address")}>{a.address ?? none}</Item>
          <Item label={t("agencies.profile.fields.ownership")}>{a.isPrivate ? t("agencies.ownership.private") : t("agencies.ownership.public")}</Item>
          <Item label={t("agencies.profile.fields.contactName")}>{a.contactName ?? none}</Item>
          <Item label={t("agencies.profile.fields.contactPhone")}>{a.contactPhone ?? none}</Item>
          <Item label={t("agencies.profile.fields.contactEmail")}>{a.contactEmail ?? none}</Item>
          <Item label={t("agencies.profile.fields.serviceAreas")} wide>
            {a.serviceAreas.length ? format.list(a.serviceAreas.map((f) => t(`enums.practiceField.${f}`))) : none}
          </Item>
          <Item label={t("agencies.profile.fields.targetGroups")} wide>
            {a.targetGroups.length ? format.list(a.targetGroups.map((g) => t(`enums.targetGroup.${g}`))) : none}
          </Item>
        </dl>
        <p className="mt-4 text-xs text-slate-500">{t("agencies.profile.updated", { date: format.dateTime(a.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("agencies.staff.title")}>
          <p className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="staff-counts">
            {t("agencies.staff.count", { qualified: a.staff.qualified, total: a.staff.total })}
          </p>
          <p className="mt-1 text-sm text-slate-600">{t("agencies.staff.hint")}</p>
          {can(user, "practitioners.read", { organizationId: a.id, regionPath: a.regionPath }) ? (
            <Link href={`/practitioners?employer=${a.id}`} className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
              {t("agencies.staff.list")}
            </Link>
          ) : null}
        </Card>
        <Card title={t("agencies.member.title")}>
          {a.memberships.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {a.memberships.map((m) => (
                <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <span className="font-mono">{m.memberNumber}</span>
                    <span className="ml-2 text-slate-600">{t("agencies.member.joined", { date: day(m.joinedOn) })}</span>
                    {m.endedOn ? <span className="ml-2 text-slate-600">{t("agencies.member.ended", { date: day(m.endedOn) })}</span> : null}
                  </span>
                  <Badge tone={m.status === "ACTIVE" ? "blue" : "slate"}>{t(`enums.membershipStatus.${m.status}`)}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("agencies.member.none")}</p>
          )}
          {a.application ? (
            <p className="mt-4 text-sm">
              <Link href={`/agencies/applications/${a.application.id}`} className="font-medium text-brand-700 hover:underline">
                {t("agencies.profile.application", { reference: a.application.reference })}
              </Link>
            </p>
          ) : null}
        </Card>
      </div>

      <section id="status" aria-labelledby="status-heading" className="scroll-mt-4">
        <Card title={<span id="status-heading">{t("agencies.status.title")}</span>} actions={transitions.length ? <StatusActions agency={{ id: a.id, version: a.version, name }} allowed={transitions} today={isoDay(today)} /> : null}>
          {a.agencyStatusHistory.length ? (
            <Table caption={t("agencies.status.history")}>
              <thead>
                <tr>
                  <Th>{t("agencies.status.effectiveFrom")}</Th>
                  <Th>{t("agencies.status.status")}</Th>
                  <Th>{t("agencies.status.reason")}</Th>
                  <Th>{t("agencies.status.by")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {a.agencyStatusHistory.map((h) => (
                  <tr key={h.id}>
                    <Td className="whitespace-nowrap">{day(h.effectiveFrom)}</Td>
                    <Td><AgencyStatusBadge status={h.status} /></Td>
                    <Td className="text-slate-700">{h.reason ?? ""}</Td>
                    <Td className="text-slate-600">{h.actorName ?? ""}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="text-sm text-slate-600">{t("agencies.status.noHistory")}</p>
          )}
        </Card>
      </section>

      <section id="ratings" aria-labelledby="ratings-heading" className="scroll-mt-4">
        <Card
          title={<span id="ratings-heading">{t("agencies.ratings.title")}</span>}
          actions={mayManage ? <Link href={`/agencies/${a.id}/ratings/new`} className={buttonClass("secondary", "sm")}>{t("agencies.ratings.add")}</Link> : null}
        >
          {a.ratings.length ? (
            <Table caption={t("agencies.ratings.title")}>
              <thead>
                <tr>
                  <Th>{t("agencies.ratings.fields.ratedOn")}</Th>
                  <Th>{t("agencies.ratings.fields.rating")}</Th>
                  <Th>{t("agencies.ratings.fields.source")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {a.ratings.map((r) => (
                  <tr key={r.id}>
                    <Td className="whitespace-nowrap">{day(r.ratedOn)}</Td>
                    <Td className="font-medium">{t(`enums.agencyRatingLevel.${r.rating}`)}</Td>
                    <Td className="text-slate-600">{r.source ?? ""}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="text-sm text-slate-600">{t("agencies.ratings.none")}</p>
          )}
        </Card>
      </section>

      {a.integrityRecords ? (
        <section id="integrity" aria-labelledby="integrity-heading" className="scroll-mt-4">
          <Card
            title={<span id="integrity-heading">{t("agencies.integrity.title")}</span>}
            actions={mayManage ? <Link href={`/agencies/${a.id}/integrity/new`} className={buttonClass("secondary", "sm")}>{t("agencies.integrity.add")}</Link> : null}
          >
            {a.integrityRecords.length ? (
              <Table caption={t("agencies.integrity.title")}>
                <thead>
                  <tr>
                    <Th>{t("agencies.integrity.fields.kind")}</Th>
                    <Th>{t("agencies.integrity.fields.period")}</Th>
                    <Th>{t("agencies.integrity.fields.source")}</Th>
                    <Th>{t("agencies.integrity.fields.description")}</Th>
                    <Th>{t("agencies.integrity.fields.state")}</Th>
                    {mayManage ? <Th><span className="sr-only">{t("agencies.integrity.actions")}</span></Th> : null}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {a.integrityRecords.map((r) => {
                    const inForce = isInForce(r, today);
                    const running = !r.endsOn || r.endsOn.getTime() > today.getTime();
                    const label = `${t(`enums.integrityKind.${r.kind}`)} · ${day(r.occurredOn)}`;
                    return (
                      <tr key={r.id} data-testid="integrity-row">
                        <Td><Badge tone={KIND_TONE[r.kind]}>{t(`enums.integrityKind.${r.kind}`)}</Badge></Td>
                        <Td className="whitespace-nowrap">
                          {day(r.occurredOn)} – {r.endsOn ? day(r.endsOn) : t("agencies.integrity.openEnded")}
                        </Td>
                        <Td className="text-slate-700">{r.source}</Td>
                        <Td className="max-w-md whitespace-pre-line text-slate-700">{r.description}</Td>
                        <Td>
                          {inForce ? <Badge tone="red">{t("agencies.integrity.inForce")}</Badge> : r.occurredOn.getTime() > today.getTime() ? <Badge>{t("agencies.integrity.upcoming")}</Badge> : <Badge>{t("agencies.integrity.ended")}</Badge>}
                        </Td>
                        {mayManage ? (
                          <Td>
                            <div className="flex flex-wrap items-start gap-2">
                              <Link href={`/agencies/${a.id}/integrity/${r.id}`} className={buttonClass("ghost", "sm")}>
                                {t("agencies.integrity.edit")}
                                <span className="sr-only"> {label}</span>
                              </Link>
                              {running ? <EndRecordButton record={{ id: r.id, version: r.version, label, occurredOn: isoDay(r.occurredOn) }} today={isoDay(today)} /> : null}
                            </div>
                          </Td>
                        ) : null}
                      </tr>
                    );
                  })}
                </tbody>
              </Table>
            ) : (
              <p className="text-sm text-slate-600">{t("agencies.integrity.none")}</p>
            )}
          </Card>
        </section>
      ) : null}
    </div>
  );
}
