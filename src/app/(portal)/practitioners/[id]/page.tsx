import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can, scopeOf } from "@/domain/authz/matrix";
import { getPractitioner } from "@/server/practitioners/queries";
import { G1_FLAGS } from "@/domain/practitioners/enums";
import { RevealIdNumber } from "@/features/practitioners/components/reveal-id-number";
import { CredentialsPanel } from "@/features/credentials/components/credentials-panel";
import { PublicQrCard } from "@/features/public-register/components/public-qr-card";
import { EmploymentHistoryCard } from "@/features/staff/components/employment-history";
import { localName } from "@/i18n/local-name";
import { Badge, Card, Notice, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("practitioners");
  return { title: t("detail.profile") };
}

function Item({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2 lg:col-span-3" : undefined}>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export default async function PractitionerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; saved?: string; transferred?: string }> }) {
  const user = await requirePermission("practitioners.read");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const [t, locale, format, p] = await Promise.all([getTranslations(), getLocale(), getFormatter(), getPractitioner(user, id)]);
  if (!p) notFound();
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  const none = t("practitioners.form.none");
  const g1 = G1_FLAGS.filter((k) => p[k]);
  const self = scopeOf(user.role, "practitioners.read") === "self";
  return (
    <div className="space-y-6">
      <div>
        {!self ? (
          <nav aria-label={t("common.breadcrumb")} className="mb-2 text-sm">
            <Link href="/practitioners" className="text-brand-700 hover:underline">{t("practitioners.title")}</Link>
          </nav>
        ) : null}
        <PageHeader
          title={p.name}
          description={[p.organization ? localName(p.organization, locale) : null, p.district ? localName(p.district, locale) : null].filter(Boolean).join(" · ") || undefined}
          actions={
            can(user, "practitioners.update") ? (
              <Link href={`/practitioners/${p.id}/edit`} className={buttonClass("secondary")}>
                {self ? t("practitioners.editContact") : t("practitioners.edit")}
              </Link>
            ) : null
          }
        />
        {sp.created ? <Notice tone="success">{t("practitioners.notices.created")}</Notice> : sp.saved ? <Notice tone="success">{t("practitioners.notices.saved")}</Notice> : sp.transferred ? <Notice tone="success">{t("staff.transfer.saved")}</Notice> : null}
      </div>

      <Card title={t("practitioners.detail.derived")}>
        <div className="flex flex-wrap items-center gap-3" data-testid="counting">
          {p.isQualified ? (
            <Badge tone="green">{t("practitioners.detail.countsSince", { date: day(p.qualifiedSince) })}</Badge>
          ) : (
            <Badge tone="amber">{t("practitioners.detail.notCounting")}</Badge>
          )}
          <span className="text-sm text-slate-700">
            {t("practitioners.fields.qualificationLevel")}: {t(`enums.qualificationLevel.${p.qualificationLevel}`)}
          </span>
          <Badge tone={p.status === "ACTIVE" ? "blue" : "slate"}>
            {t(`enums.practitionerStatus.${p.status}`)}
            {p.statusSince ? ` · ${t("practitioners.detail.since", { date: day(p.statusSince) })}` : ""}
          </Badge>
        </div>
        <div className="mt-4">
          <h3 className="text-xs font-medium text-slate-500">{t("practitioners.fields.g1Profiles")}</h3>
          {g1.length ? (
            <ul className="mt-1 flex flex-wrap gap-2">
              {g1.map((k) => (
                <li key={k}><Badge tone="blue">{t(`enums.g1Profile.${k}`)}</Badge></li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-slate-600">{t("practitioners.detail.noG1")}</p>
          )}
        </div>
      </Card>

      <Card title={t("practitioners.detail.profile")}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Item label={t("practitioners.fields.idNumber")}>
            <RevealIdNumber practitionerId={p.id} masked={p.idNumberMasked ?? "—"} canReveal={!!p.idNumberMasked && can(user, "practitioners.revealIdNumber")} />
          </Item>
          <Item label={t("practitioners.fields.gender")}>{p.gender ? t(`enums.gender.${p.gender}`) : none}</Item>
          <Item label={t("practitioners.fields.birthDate")}>{day(p.birthDate)}</Item>
          <Item label={t("practitioners.fields.phone")}>{p.phone ?? none}</Item>
          <Item label={t("practitioners.fields.email")}>{p.email ?? none}</Item>
          <Item label={t("practitioners.fields.degree")}>
            {t(`enums.degree.${p.degree}`)}
            {p.major ? ` · ${t(`enums.major.${p.major}`)}` : ""}
            {p.degreeInstitution || p.degreeYear ? <span className="block text-xs text-slate-500">{[p.degreeInstitution, p.degreeYear].filter(Boolean).join(" · ")}</span> : null}
          </Item>
          <Item label={t("practitioners.fields.professionalTitle")}>{t(`enums.professionalTitle.${p.professionalTitle}`)}</Item>
          <Item label={t("practitioners.fields.organization")}>{p.organization ? localName(p.organization, locale) : none}</Item>
          <Item label={t("practitioners.fields.employmentType")}>
            {p.employmentType ? t(`enums.employmentType.${p.employmentType}`) : none}
            {p.hireDate ? <span className="block text-xs text-slate-500">{t("practitioners.fields.hireDate")}: {day(p.hireDate)}</span> : null}
          </Item>
          <Item label={t("practitioners.fields.entryPath")}>
            {t(`enums.entryPath.${p.entryPath}`)}
            <span className="block text-xs text-slate-500">{t("practitioners.fields.entryDate")}: {day(p.entryDate)}</span>
          </Item>
          <Item label={t("practitioners.fields.talentTrack")}>{p.talentTrack ? t(`enums.talentTrack.${p.talentTrack}`) : none}</Item>
          <Item label={t("practitioners.fields.keyPost")}>{p.keyPost ? "✓" : "—"}</Item>
          <Item label={t("practitioners.fields.practiceFields")} wide>
            {p.practiceFields.length ? format.list(p.practiceFields.map((f) => t(`enums.practiceField.${f}`))) : none}
          </Item>
          <Item label={t("practitioners.fields.targetGroups")} wide>
            {p.targetGroups.length ? format.list(p.targetGroups.map((g) => t(`enums.targetGroup.${g}`))) : none}
          </Item>
        </dl>
        <p className="mt-4 text-xs text-slate-500">{t("practitioners.detail.updated", { date: format.dateTime(p.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
      </Card>

      <CredentialsPanel practitionerId={p.id} />

      <EmploymentHistoryCard practitionerId={p.id} />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("practitioners.sections.awards")}>
          {p.awards.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {p.awards.map((a) => (
                <li key={a.id} className="flex items-center justify-between gap-3 py-2">
                  <span>{a.name}{a.year ? <span className="ml-2 text-slate-500">{a.year}</span> : null}</span>
                  <Badge tone={a.level === "PROVINCIAL_OR_ABOVE" ? "blue" : "slate"}>{t(`enums.awardLevel.${a.level}`)}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("practitioners.awards.none")}</p>
          )}
        </Card>
        <Card title={t("practitioners.detail.statusHistory")}>
          {p.statusHistory.length ? (
            <Table caption={t("practitioners.detail.statusHistory")}>
              <thead>
                <tr>
                  <Th>{t("practitioners.fields.effectiveFrom")}</Th>
                  <Th>{t("practitioners.fields.status")}</Th>
                  <Th>{t("practitioners.fields.note")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {p.statusHistory.map((h) => (
                  <tr key={h.id}>
                    <Td className="whitespace-nowrap">{day(h.effectiveFrom)}</Td>
                    <Td>{t(`enums.practitionerStatus.${h.status}`)}</Td>
                    <Td className="text-slate-600">{h.note ?? ""}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="text-sm text-slate-600">{t("practitioners.detail.noHistory")}</p>
          )}
        </Card>
      </div>

      <PublicQrCard practitionerId={p.id} />
    </div>
  );
}
