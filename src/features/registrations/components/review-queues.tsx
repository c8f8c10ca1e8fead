import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TCurrentUser } from "@/server/auth/session";
import type { cpdQueue, renewalQueue } from "@/server/registrations/queries";
import { isOwnCredential } from "@/domain/credentials/rules";
import { dayFormatter, instantDayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { ReasonButton, VerifyButton } from "@/features/credentials/components/decision-buttons";
import { ScanViewer } from "@/components/ui/scan-viewer";
import { isInlineViewable } from "@/lib/download";

type TPerson = { id: string; name: string; organization: { name: string; nameHant: string | null; nameEn: string | null } | null; region: { name: string; nameHant: string | null; nameEn: string | null } | null };

async function personCell(p: TPerson) {
  const locale = await getLocale();
  return (
    <>
      <Link href={`/practitioners/${p.id}`} className="font-medium text-brand-700 hover:underline">{p.name}</Link>
      <span className="block text-xs text-slate-500">{[localName(p.organization, locale), localName(p.region, locale)].filter(Boolean).join(" · ")}</span>
    </>
  );
}

/** Hours waiting for verification, oldest first, with the proof and the decision buttons (never for one's own). */
export async function CpdQueueTable({ user, result, params, back }: { user: TCurrentUser; result: Awaited<ReturnType<typeof cpdQueue>>; params: Record<string, string | undefined>; back: string }) {
  const [t, tk, tc, tl, format] = await Promise.all([getTranslations("registrations.queue"), getTranslations("registrations.cpdKind"), getTranslations("common"), getTranslations("registrations.ledger"), getFormatter()]);
  const date = dayFormatter(format);
  const hours = (half: number) => format.number(half / 2, { maximumFractionDigits: 1 });
  const rows = await Promise.all(
    result.items.map(async (e) => {
      const ref = { id: e.id, version: e.version, label: `${e.practitioner.name} · ${tl("entryLabel", { title: e.title, hours: hours(e.halfHours) })}`, back };
      return {
        key: e.id,
        testId: "cpd-queue-row",
        data: { "cpd-id": e.id },
        cells: [
          await personCell(e.practitioner),
          <>
            <span className="font-medium text-slate-900">{e.title}</span>
            <span className="block text-xs text-slate-500">{e.provider} · {tk(e.kind)}</span>
            <span className="block text-xs text-slate-500">{e.startDate.getTime() === e.endDate.getTime() ? date(e.endDate) : `${date(e.startDate)} – ${date(e.endDate)}`}</span>
            {e.proofFile ? (
              <span className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
                {isInlineViewable(e.proofFile.mimeType) ? (
                  <ScanViewer src={`/api/files/${e.proofFile.id}/inline`} downloadHref={`/api/files/${e.proofFile.id}`} mimeType={e.proofFile.mimeType} title={`${t("export.proof")} · ${e.practitioner.name} · ${e.title}`} testId="cpd-proof-viewer" />
                ) : null}
                <a href={`/api/files/${e.proofFile.id}`} className="text-xs text-brand-700 underline">{t("proof")}</a>
              </span>
            ) : (
              <span className="block text-xs text-slate-500">{t("noProof")}</span>
            )}
          </>,
          hours(e.halfHours),
          instantDayFormatter(format)(e.createdAt),
          isOwnCredential(user, e) ? (
            <span className="block max-w-48 whitespace-normal text-xs text-slate-500">{t("own")}</span>
          ) : (
            <div className="flex flex-wrap items-start gap-2 sm:flex-nowrap">
              <VerifyButton subject="cpd" credential={ref} />
              <ReasonButton subject="cpd" kind="reject" credential={ref} />
            </div>
          ),
        ],
      };
    }),
  );
  return (
    <>
      <DataTable
        caption={t("cpdCaption")}
        hover
        empty={<EmptyState title={t("cpdEmpty")}>{tc("tryOtherFilters")}</EmptyState>}
        columns={[
          { label: t("practitioner"), className: "min-w-36" },
          { label: t("activity"), className: "min-w-56" },
          { label: t("hours"), numeric: true },
          { label: t("submittedAt"), className: "whitespace-nowrap text-slate-600" },
          { label: t("actions"), actions: true },
        ]}
        rows={rows}
      />
      {result.items.length ? <ListPagination result={result} basePath="/credentials/verification" params={params} /> : null}
    </>
  );
}

/** Renewal requests waiting for verification, with the hours counted against the hours required. */
export async function RenewalQueueTable({ user, result, params, back }: { user: TCurrentUser; result: Awaited<ReturnType<typeof renewalQueue>>; params: Record<string, string | undefined>; back: string }) {
  const [t, te, tc, format] = await Promise.all([getTranslations("registrations.queue"), getTranslations("enums"), getTranslations("common"), getFormatter()]);
  const date = dayFormatter(format);
  const rows = await Promise.all(
    result.items.map(async (r) => {
      const ref = { id: r.id, version: r.version, label: `${r.practitioner.name} · ${r.registration.number}`, back };
      return {
        key: r.id,
        testId: "renewal-queue-row",
        data: { "renewal-id": r.id },
        cells: [
          await personCell(r.practitioner),
          <>
            <span className="font-mono">{r.registration.number}</span>
            <span className="block text-xs text-slate-500">{te(`credentialKind.${r.registration.credential.kind}`)}</span>
            <span className="block text-xs text-slate-500">{`${date(r.registration.periodStart)} – ${date(r.registration.periodEnd)}`}</span>
          </>,
          t("hoursOf", { counted: format.number(r.halfHours / 2, { maximumFractionDigits: 1 }), required: r.requiredHours }),
          instantDayFormatter(format)(r.createdAt),
          isOwnCredential(user, r) ? (
            <span className="block max-w-48 whitespace-normal text-xs text-slate-500">{t("own")}</span>
          ) : (
            <div className="flex flex-wrap items-start gap-2 sm:flex-nowrap">
              <VerifyButton subject="renewal" credential={ref} />
              <ReasonButton subject="renewal" kind="reject" credential={ref} />
            </div>
          ),
        ],
      };
    }),
  );
  return (
    <>
      <DataTable
        caption={t("renewalCaption")}
        hover
        empty={<EmptyState title={t("renewalEmpty")}>{tc("tryOtherFilters")}</EmptyState>}
        columns={[
          { label: t("practitioner"), className: "min-w-36" },
          { label: t("registration"), className: "min-w-48" },
          { label: t("hours"), className: "whitespace-nowrap" },
          { label: t("submittedAt"), className: "whitespace-nowrap text-slate-600" },
          { label: t("actions"), actions: true },
        ]}
        rows={rows}
      />
      {result.items.length ? <ListPagination result={result} basePath="/credentials/verification" params={params} /> : null}
    </>
  );
}
