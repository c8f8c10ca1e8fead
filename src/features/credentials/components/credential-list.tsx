import { getFormatter, getTranslations } from "next-intl/server";
import type { TCredentialRow } from "@/server/credentials/queries";
import { todayInCity, todayInCityIso } from "@/domain/common/calendar-day";
import { dayFormatter, momentFormatter } from "@/domain/common/day-format";
import { Badge } from "@/components/ui/card";
import { CredentialStatusBadge } from "./status-badge";
import { ReasonButton, VerifyButton } from "./decision-buttons";
import { credentialKindLabeler } from "./credential-kind";
import { CERTIFICATE_KINDS } from "@/domain/credentials/schemas";
import { RecordRegistrationButton } from "@/features/registrations/components/record-registration-button";
import { ScanViewer } from "@/components/ui/scan-viewer";
import { isInlineViewable } from "@/lib/download";

/** The reason code of the step migration 20261206063940_qualification_model wrote (EXPIRED → VERIFIED). */
const MIGRATION_REASON = "MIGRATION_CERTIFICATE_PERMANENT";

type TEvent = { id: string; fromStatus: string | null; toStatus: TCredentialRow["status"]; reason: string | null; actorName: string | null; at: Date };

export type TListedCredential = TCredentialRow & { events: TEvent[] };
/** What the viewer may do with each credential; decided on the server from the matrix and the own-credential rule. */
export type TCredentialPermissions = { verify: (c: TListedCredential) => boolean; revoke: (c: TListedCredential) => boolean; recordRegistration?: boolean };

/** A practitioner's credentials as cards: facts, status, scan, history and the viewer's actions. */
export async function CredentialList({ credentials, can }: { credentials: TListedCredential[]; can?: TCredentialPermissions }) {
  const [t, te, tCommon, format, kindLabel] = await Promise.all([getTranslations("credentials"), getTranslations("enums"), getTranslations("common"), getFormatter(), credentialKindLabeler()]);
  const colon = tCommon("colon");
  const today = todayInCity().getTime();
  const date = dayFormatter(format);
  return (
    <ul className="divide-y divide-slate-200" aria-label={t("listLabel")}>
      {credentials.map((c) => {
        const label = `${kindLabel(c)} ${c.number}`;
        const ref = { id: c.id, version: c.version, label };
        return (
          <li key={c.id} className="py-4 first:pt-0 last:pb-0" data-testid="credential" data-credential-id={c.id}>
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                  <span>{kindLabel(c)}</span>
                  <CredentialStatusBadge status={c.status} />
                  {CERTIFICATE_KINDS.includes(c.kind) && c.status === "VERIFIED" ? <Badge tone="blue">{t("permanent")}</Badge> : null}
                </p>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-slate-700 sm:grid-cols-[auto_1fr_auto_1fr]">
                  <dt className="text-slate-500">{t("number")}</dt>
                  <dd className="font-mono">{c.number}</dd>
                  <dt className="text-slate-500">{t("issuingAuthority")}</dt>
                  <dd>{c.issuingAuthority}</dd>
                  <dt className="text-slate-500">{t("issueDate")}</dt>
                  <dd>{date(c.issueDate)}</dd>
                  {CERTIFICATE_KINDS.includes(c.kind) ? (
                    <>
                      <dt className="text-slate-500">{t("registration")}</dt>
                      <dd>
                        {c.registration ? (
                          <>
                            <span className="font-mono">{c.registration.number}</span>
                            {" · "}
                            {c.registration.periodEnd.getTime() < today ? t("registrationLapsedOn", { date: date(c.registration.periodEnd) }) : t("registrationUntil", { date: date(c.registration.periodEnd) })}
                          </>
                        ) : (
                          t("notRegistered")
                        )}
                      </dd>
                    </>
                  ) : null}
                </dl>
                {c.statusReason ? (
                  <p className="mt-2 text-sm text-red-800">
                    <span className="font-medium">
                      {t("reason")}
                      {colon}
                    </span>
                    {c.statusReason}
                  </p>
                ) : null}
                {c.scanFile ? (
                  <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                    {isInlineViewable(c.scanFile.mimeType) ? (
                      <ScanViewer src={`/api/files/${c.scanFile.id}/inline`} downloadHref={`/api/files/${c.scanFile.id}`} mimeType={c.scanFile.mimeType} title={`${t("scan")} · ${label}`} testId="credential-scan-viewer" />
                    ) : null}
                    <a href={`/api/files/${c.scanFile.id}`} className="text-brand-700 underline hover:text-brand-800">
                      {t("downloadScan")}
                    </a>
                    <span className="text-xs text-slate-500">
                      {c.scanFile.mimeType === "application/pdf" ? "PDF" : c.scanFile.mimeType === "image/png" ? "PNG" : "JPEG"} · {format.number(Math.max(0.1, c.scanFile.size / 1024), { maximumFractionDigits: c.scanFile.size < 10_240 ? 1 : 0 })} KB
                    </span>
                  </div>
                ) : null}
              </div>
              {can ? (
                <div className="flex flex-wrap items-start gap-2">
                  {c.status === "SUBMITTED" && can.verify(c) ? (
                    <>
                      <VerifyButton credential={ref} />
                      <ReasonButton credential={ref} kind="reject" />
                    </>
                  ) : null}
                  {c.status === "VERIFIED" && can.revoke(c) ? <ReasonButton credential={ref} kind="revoke" /> : null}
                  {c.status === "VERIFIED" && !c.registration && CERTIFICATE_KINDS.includes(c.kind) && can.recordRegistration ? (
                    <RecordRegistrationButton credentialId={c.id} label={label} today={todayInCityIso()} />
                  ) : null}
                </div>
              ) : null}
            </div>
            {c.events.length ? (
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-slate-600 hover:text-slate-900">{t("history", { count: c.events.length })}</summary>
                <ol className="mt-2 space-y-1 border-l-2 border-slate-200 pl-4">
                  {c.events.map((e) => (
                    <li key={e.id} className="text-slate-700">
                      <time dateTime={e.at.toISOString()} className="text-slate-500">{momentFormatter(format)(e.at)}</time>{" "}
                      <span className="font-medium">{te(`credentialStatus.${e.toStatus}`)}</span>
                      {" · "}
                      {e.actorName ?? t("system")}
                      {e.reason === MIGRATION_REASON ? (
                        <span className="block text-slate-600">{t("migratedPermanent")}</span>
                      ) : e.reason ? (
                        <span className="block text-slate-600">{tCommon("labelled", { label: t("reason"), value: e.reason })}</span>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
