import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { isOwnCredential } from "@/domain/credentials/rules";
import { queueDistricts, verificationQueue } from "@/server/credentials/queries";
import { CREDENTIAL_KINDS, CREDENTIAL_STATUSES } from "@/domain/credentials/schemas";
import { CredentialStatusBadge } from "@/features/credentials/components/status-badge";
import { ReasonButton, VerifyButton } from "@/features/credentials/components/decision-buttons";
import { parsePage } from "@/lib/pagination";
import { localName } from "@/i18n/local-name";
import { EmptyState, Notice, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ListPagination } from "@/components/ui/list-pagination";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("verification") };
}

type TSearch = { q?: string; kind?: string; status?: string; district?: string; page?: string; done?: string };

export default async function VerificationQueuePage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const user = await requirePermission("credentials.verify");
  const sp = await searchParams;
  const page = parsePage(sp.page);
  const [t, tc, te, locale, format, result, districts] = await Promise.all([
    getTranslations(),
    getTranslations("credentials"),
    getTranslations("enums"),
    getLocale(),
    getFormatter(),
    verificationQueue(user, { q: sp.q, kind: sp.kind, status: sp.status, district: sp.district, page }),
    queueDistricts(user),
  ]);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  const mayRevoke = can(user, "credentials.revoke");
  const params = { q: sp.q, kind: sp.kind, status: result.status === "SUBMITTED" ? undefined : result.status, district: sp.district };
  const back = `/credentials/verification?${new URLSearchParams(Object.entries({ ...params, page: page > 1 ? String(page) : undefined }).filter((e): e is [string, string] => !!e[1])).toString()}`;
  const done = sp.done === "verified" ? tc("verified") : sp.done === "rejected" ? tc("rejected") : sp.done === "revoked" ? tc("revoked") : null;
  return (
    <div>
      <PageHeader title={t("nav.verification")} description={tc("queueDescription")} />
      {done ? (
        <div className="mb-4">
          <Notice tone="success">{done}</Notice>
        </div>
      ) : null}
      <FilterBar basePath="/credentials/verification" className="sm:grid-cols-4">
        <FilterInput label={t("common.search")} name="q" defaultValue={sp.q ?? ""} placeholder={tc("queueSearchPlaceholder")} />
        <FilterSelect label={tc("kind")} name="kind" defaultValue={sp.kind ?? ""}>
          <option value="">{t("common.all")}</option>
          {CREDENTIAL_KINDS.map((k) => (
            <option key={k} value={k}>{te(`credentialKind.${k}`)}</option>
          ))}
        </FilterSelect>
        <FilterSelect label={tc("status")} name="status" defaultValue={result.status}>
          {CREDENTIAL_STATUSES.map((s) => (
            <option key={s} value={s}>{te(`credentialStatus.${s}`)}</option>
          ))}
        </FilterSelect>
        {districts.length > 1 ? (
          <FilterSelect label={tc("district")} name="district" defaultValue={sp.district ?? ""}>
            <option value="">{t("common.all")}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>{localName(d, locale)}</option>
            ))}
          </FilterSelect>
        ) : null}
      </FilterBar>
      {result.items.length === 0 ? (
        <EmptyState title={result.status === "SUBMITTED" ? tc("queueEmpty") : tc("queueEmptyFiltered")}>{t("common.tryOtherFilters")}</EmptyState>
      ) : (
        <>
          <Table caption={t("nav.verification")}>
            <thead>
              <tr>
                <Th>{tc("practitioner")}</Th>
                <Th>{tc("kind")}</Th>
                <Th>{tc("number")}</Th>
                <Th>{tc("submittedAt")}</Th>
                <Th>{tc("status")}</Th>
                <Th>{tc("actions")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.items.map((c) => {
                const kind =
                  c.kind === "SOCIAL_WORK_DEGREE" && c.degreeLevel
                    ? `${te(`credentialKind.${c.kind}`)} · ${te(`degree.${c.degreeLevel}`)}`
                    : c.kind === "PROFESSIONAL_TITLE" && c.titleLevel
                      ? `${te(`credentialKind.${c.kind}`)} · ${te(`professionalTitle.${c.titleLevel}`)}`
                      : te(`credentialKind.${c.kind}`);
                const ref = { id: c.id, version: c.version, label: `${c.practitioner.name} · ${kind} ${c.number}`, back };
                const own = isOwnCredential(user, c);
                return (
                  <tr key={c.id} className="align-top hover:bg-slate-50" data-testid="queue-row" data-credential-id={c.id}>
                    <Td className="min-w-48">
                      <Link href={`/practitioners/${c.practitioner.id}`} className="font-medium text-brand-700 hover:underline">{c.practitioner.name}</Link>
                      <span className="block text-xs text-slate-500">
                        {[localName(c.practitioner.organization, locale), localName(c.practitioner.region, locale)].filter(Boolean).join(" · ")}
                      </span>
                    </Td>
                    <Td className="min-w-36">{kind}</Td>
                    <Td className="whitespace-nowrap font-mono">
                      {c.number}
                      <span className="block font-sans text-xs text-slate-500">{c.issuingAuthority}</span>
                      <span className="block font-sans text-xs text-slate-500">
                        {tc("dates")}: {date(c.issueDate)} – {c.validUntil ? date(c.validUntil) : tc("noExpiry")}
                      </span>
                      {c.scanFile ? (
                        <a href={`/api/files/${c.scanFile.id}`} className="block font-sans text-xs text-brand-700 underline">{tc("downloadScan")}</a>
                      ) : null}
                    </Td>
                    <Td className="whitespace-nowrap text-slate-600">{format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                    <Td className="whitespace-nowrap">
                      <CredentialStatusBadge status={c.status} />
                      {c.statusReason ? <span className="mt-1 block max-w-xs whitespace-normal text-xs text-slate-600">{c.statusReason}</span> : null}
                    </Td>
                    <Td className="whitespace-nowrap">
                      {own ? (
                        <span className="block max-w-48 whitespace-normal text-xs text-slate-500">{tc("ownCredential")}</span>
                      ) : c.status === "SUBMITTED" ? (
                        <div className="flex items-start gap-2">
                          <VerifyButton credential={ref} />
                          <ReasonButton credential={ref} kind="reject" />
                        </div>
                      ) : c.status === "VERIFIED" && mayRevoke ? (
                        <ReasonButton credential={ref} kind="revoke" />
                      ) : null}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          <ListPagination result={result} basePath="/credentials/verification" params={params} />
        </>
      )}
    </div>
  );
}
