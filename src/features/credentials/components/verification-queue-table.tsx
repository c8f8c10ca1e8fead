import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TCurrentUser } from "@/server/auth/session";
import type { verificationQueue } from "@/server/credentials/queries";
import { can } from "@/domain/authz/matrix";
import { isOwnCredential } from "@/domain/credentials/rules";
import { dayFormatter, momentFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { credentialKindLabeler } from "./credential-kind";
import { ReasonButton, VerifyButton } from "./decision-buttons";
import { CredentialStatusBadge } from "./status-badge";
import { ScanViewer } from "@/components/ui/scan-viewer";
import { isInlineViewable } from "@/lib/download";
import { BatchVerify } from "./batch-verify";
// Translates nothing itself (its label comes from here): rendered without a messages wrapper.
import { SelectCredential } from "./batch-verify.client";

type TQueue = Awaited<ReturnType<typeof verificationQueue>>;

/**
 * A page of the verification queue with the decisions the caller may take: verify or reject a
 * submitted credential, revoke a verified one; never their own (the same rule as the server's).
 */
export async function VerificationQueueTable({ user, result, params, back }: { user: TCurrentUser; result: TQueue; params: Record<string, string | undefined>; back: string }) {
  const [t, tc, locale, format, kindLabel] = await Promise.all([getTranslations(), getTranslations("credentials"), getLocale(), getFormatter(), credentialKindLabeler()]);
  const date = dayFormatter(format);
  const mayRevoke = can(user, "credentials.revoke");
  const actions = (c: TQueue["items"][number], label: string) => {
    const ref = { id: c.id, version: c.version, label, back };
    if (isOwnCredential(user, c)) return <span className="block max-w-48 whitespace-normal text-xs text-slate-500">{tc("ownCredential")}</span>;
    if (c.status === "SUBMITTED")
      return (
        <div className="flex flex-wrap items-start gap-2 sm:flex-nowrap">
          <VerifyButton credential={ref} />
          <ReasonButton credential={ref} kind="reject" />
        </div>
      );
    return c.status === "VERIFIED" && mayRevoke ? <ReasonButton credential={ref} kind="revoke" /> : null;
  };
  const labelOf = (c: TQueue["items"][number]) => `${c.practitioner.name} · ${kindLabel(c)} ${c.number}`;
  // Submitted credentials the caller may decide can be verified several at once.
  const selectable = result.items.filter((c) => c.status === "SUBMITTED" && !isOwnCredential(user, c));
  const selectableIds = new Set(selectable.map((c) => c.id));
  const table = (
    <>
      <DataTable
        caption={t("nav.verification")}
        hover
        empty={<EmptyState title={result.status === "SUBMITTED" ? tc("queueEmpty") : tc("queueEmptyFiltered")}>{t("common.tryOtherFilters")}</EmptyState>}
        columns={[
          { label: tc("practitioner"), className: "min-w-36" },
          { label: tc("kind"), className: "min-w-24" },
          { label: tc("number"), className: "min-w-44" },
          { label: tc("submittedAt"), className: "whitespace-nowrap text-slate-600" },
          { label: tc("status"), className: "whitespace-nowrap" },
          { label: tc("actions"), actions: true },
        ]}
        rows={result.items.map((c) => {
          const kind = kindLabel(c);
          return {
            key: c.id,
            testId: "queue-row",
            data: { "credential-id": c.id },
            cells: [
              <div key="who" className="flex items-start gap-2">
                {selectableIds.has(c.id) ? <SelectCredential id={c.id} label={tc("select", { credential: labelOf(c) })} /> : null}
                <div className="min-w-0">
                  <Link href={`/practitioners/${c.practitioner.id}`} className="font-medium text-brand-700 hover:underline">{c.practitioner.name}</Link>
                  <span className="block text-xs text-slate-500">{[localName(c.practitioner.organization, locale), localName(c.practitioner.region, locale)].filter(Boolean).join(" · ")}</span>
                </div>
              </div>,
              kind,
              <>
                <span className="font-mono">{c.number}</span>
                <span className="block text-xs text-slate-500">{c.issuingAuthority}</span>
                <span className="block text-xs text-slate-500">
                  {t("common.labelled", { label: tc("issueDate"), value: date(c.issueDate) })}
                </span>
                {c.registration ? (
                  <span className="block text-xs text-slate-500">
                    {tc("registration")}
                    {t("common.colon")}
                    <span className="whitespace-nowrap">{c.registration.number}</span> · <span className="whitespace-nowrap">{date(c.registration.periodStart)}</span> – <span className="whitespace-nowrap">{date(c.registration.periodEnd)}</span>
                  </span>
                ) : null}
                {c.scanFile ? (
                  <span className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
                    {isInlineViewable(c.scanFile.mimeType) ? (
                      <ScanViewer src={`/api/files/${c.scanFile.id}/inline`} downloadHref={`/api/files/${c.scanFile.id}`} mimeType={c.scanFile.mimeType} title={`${tc("scan")} · ${c.practitioner.name} · ${kind} ${c.number}`} testId="credential-scan-viewer" />
                    ) : null}
                    <a href={`/api/files/${c.scanFile.id}`} className="text-xs text-brand-700 underline">{tc("downloadScan")}</a>
                  </span>
                ) : null}
                {c.importJob ? <span className="block max-w-64 whitespace-normal break-words text-xs text-slate-500">{tc("importSource", { file: c.importJob.originalName })}</span> : null}
                {c.importJob && !c.scanFile && c.status === "SUBMITTED" ? <span className="block max-w-64 whitespace-normal text-xs text-amber-800" data-testid="import-no-scan">{tc("importNoScan")}</span> : null}
              </>,
              momentFormatter(format)(c.createdAt),
              <>
                <CredentialStatusBadge status={c.status} />
                {c.statusReason ? <span className="mt-1 block max-w-xs whitespace-normal text-xs text-slate-600">{c.statusReason}</span> : null}
              </>,
              actions(c, labelOf(c)),
            ],
          };
        })}
      />
      {result.items.length ? <ListPagination result={result} basePath="/credentials/verification" params={params} /> : null}
    </>
  );
  // On the pending view the batch stays mounted when its last row has gone, so its outcome is still shown.
  if (result.status !== "SUBMITTED") return table;
  return <BatchVerify items={selectable.map((c) => ({ id: c.id, version: c.version, label: labelOf(c) }))}>{table}</BatchVerify>;
}
