import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { myProfile } from "@/server/credentials/queries";
import { todayInShanghai } from "@/domain/credentials/schemas";
import { CredentialList } from "@/features/credentials/components/credential-list";
import { CredentialForm } from "@/features/credentials/components/credential-form";
import { localName } from "@/i18n/local-name";
import { Badge, Card, EmptyState, Notice, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { PublicQrCard } from "@/features/public-register/components/public-qr-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("myProfile") };
}

const G1 = ["g1Msw", "g1DeputySenior", "g1SocialWorker", "g1ProvincialAward", "g1KeyPost"] as const;
const DAY = 86_400_000;

export default async function MyProfilePage() {
  const user = await requirePermission("practitioners.read");
  // Only a practitioner has a profile of their own; myProfile is scoped to the caller themselves.
  const data = await myProfile(user);
  if (!data) notFound();
  const [t, te, locale, format] = await Promise.all([getTranslations("me"), getTranslations("enums"), getLocale(), getFormatter()]);
  const p = data.practitioner;
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "long", timeZone: "UTC" }) : "—");
  const today = todayInShanghai();
  const todayMs = new Date(`${today}T00:00:00Z`).getTime();
  const g1 = G1.filter((k) => p[k]);
  const maySubmit = can(user, "credentials.submit", { practitionerId: p.id });
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={[p.name, localName(p.organization, locale)].filter(Boolean).join(" · ")}
        actions={
          p.isQualified ? (
            <Link href={`/practitioners/${p.id}/certificate`} className={buttonClass("secondary")}>{t("certificate")}</Link>
          ) : null
        }
      />

      <div className="grid gap-4 md:grid-cols-3">
        <Card title={t("countsTitle")} className="md:col-span-2">
          {p.isQualified ? (
            <div className="space-y-2" data-testid="counts">
              <p className="flex items-center gap-2 text-lg font-semibold text-emerald-800">
                <Badge tone="green">{t("countsYes")}</Badge>
                <span>{te(`qualificationLevel.${p.qualificationLevel}`)}</span>
              </p>
              <p className="text-sm text-slate-700">{t("countsSince", { date: date(p.qualifiedSince) })}</p>
            </div>
          ) : (
            <div className="space-y-2" data-testid="counts">
              <p className="text-lg font-semibold text-slate-800">
                <Badge tone="slate">{t("countsNo")}</Badge>
              </p>
              <p className="text-sm text-slate-600">{p.status === "ACTIVE" ? t("countsNoHint") : t("countsNoInactive", { status: te(`practitionerStatus.${p.status}`) })}</p>
            </div>
          )}
          {g1.length ? (
            <div className="mt-4">
              <h3 className="text-sm font-medium text-slate-700">{t("g1Title")}</h3>
              <ul className="mt-1 flex flex-wrap gap-2">
                {g1.map((k) => (
                  <li key={k}><Badge tone="blue">{te(`g1Profile.${k}`)}</Badge></li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
        <Card title={t("summaryTitle")}>
          <dl className="grid grid-cols-[1fr_auto] gap-y-2 text-sm">
            <dt className="text-slate-600">{t("pendingCount")}</dt>
            <dd className="font-semibold tabular-nums">{format.number(data.pending.length)}</dd>
            <dt className="text-slate-600">{t("expiringCount")}</dt>
            <dd className="font-semibold tabular-nums">{format.number(data.expiring.length)}</dd>
            <dt className="text-slate-600">{t("rejectedCount")}</dt>
            <dd className="font-semibold tabular-nums">{format.number(data.rejected.length)}</dd>
          </dl>
        </Card>
      </div>

      {data.expiring.length ? (
        <Notice tone="info">
          <p className="font-medium">{t("expiringTitle")}</p>
          <ul className="mt-1 list-disc pl-5">
            {data.expiring.map((c) => (
              <li key={c.id}>
                {t("expiringItem", {
                  kind: te(`credentialKind.${c.kind}`),
                  number: c.number,
                  date: date(c.validUntil),
                  days: Math.round((c.validUntil!.getTime() - todayMs) / DAY),
                })}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}

      {data.rejected.length ? (
        <Notice tone="error">
          <p className="font-medium">{t("rejectedTitle")}</p>
          <ul className="mt-1 list-disc pl-5">
            {data.rejected.map((c) => (
              <li key={c.id}>{t("rejectedItem", { kind: te(`credentialKind.${c.kind}`), number: c.number, reason: c.statusReason ?? "—" })}</li>
            ))}
          </ul>
        </Notice>
      ) : null}

      {/* The QR code to the public verification page, as on the register's profile page. */}
      <PublicQrCard practitionerId={p.id} />

      <Card title={t("credentialsTitle")}>
        {data.credentials.length ? <CredentialList credentials={data.credentials} /> : <EmptyState title={t("noCredentials")}>{t("noCredentialsHint")}</EmptyState>}
      </Card>

      {maySubmit ? (
        <Card title={t("submitTitle")}>
          <p className="mb-4 text-sm text-slate-600">{t("submitIntro")}</p>
          <CredentialForm practitionerId={p.id} today={today} />
        </Card>
      ) : null}
    </div>
  );
}
