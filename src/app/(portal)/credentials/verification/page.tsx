import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { queueDistricts, verificationQueue } from "@/server/credentials/queries";
import { cpdQueue, queueCounts, renewalQueue } from "@/server/registrations/queries";
import { parsePage } from "@/lib/pagination";
import { VerificationFilterBar, type TQueueSearch } from "@/features/credentials/components/verification-filter-bar";
import { VerificationQueueTable } from "@/features/credentials/components/verification-queue-table";
import { CpdQueueTable, RenewalQueueTable } from "@/features/registrations/components/review-queues";
import { FilterBar, FilterInput } from "@/components/ui/filter-bar";
import { DistrictFilter } from "@/components/ui/district-filter";
import { Notice, PageHeader } from "@/components/ui/card";
import { TabNav } from "@/components/ui/tab-nav";
import { ExportLink } from "@/components/ui/export-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("verification") };
}

const DONE = ["verified", "rejected", "revoked"] as const;
/** The queue's three tabs: credentials, continuing-education hours, registration renewals. */
const TABS = ["credentials", "hours", "renewals"] as const;
type TTab = (typeof TABS)[number];

const query = (params: Record<string, string | undefined>) => new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();

export default async function VerificationQueuePage({ searchParams }: { searchParams: Promise<TQueueSearch & { tab?: string }> }) {
  const user = await requirePermission("credentials.verify");
  const sp = await searchParams;
  const page = parsePage(sp.page);
  const tab: TTab = TABS.find((x) => x === sp.tab) ?? "credentials";
  const [t, tc, tr, counts, districts, locale, tcommon] = await Promise.all([
    getTranslations("nav"),
    getTranslations("credentials"),
    getTranslations("registrations.queue"),
    queueCounts(user),
    queueDistricts(user),
    getLocale(),
    getTranslations("common"),
  ]);
  const done = DONE.find((d) => d === sp.done);
  const tabHref = (key: TTab) => `/credentials/verification${key === "credentials" ? "" : `?tab=${key}`}`;
  // The export keeps the tab and its filter (the credentials tab's status, kind and search; the others' search and district).
  const exportParams = tab === "credentials" ? { q: sp.q, kind: sp.kind, status: sp.status, district: sp.district } : { tab, q: sp.q, district: sp.district };
  const header = (
    <>
      <PageHeader title={t("verification")} description={tc("queueDescription")} actions={<ExportLink href="/api/credentials/verification/export" params={exportParams} />} />
      {done ? (
        <div className="mb-4">
          <Notice tone="success">{tc(done)}</Notice>
        </div>
      ) : null}
      <TabNav
        label={tr("tabsLabel")}
        className="mb-4"
        tabs={[
          { key: "credentials", href: tabHref("credentials"), label: tr("tabCredentials", { count: counts.credentials }), current: tab === "credentials" },
          { key: "hours", href: tabHref("hours"), label: tr("tabHours", { count: counts.cpd }), current: tab === "hours" },
          { key: "renewals", href: tabHref("renewals"), label: tr("tabRenewals", { count: counts.renewals }), current: tab === "renewals" },
        ]}
      />
    </>
  );

  if (tab === "credentials") {
    const result = await verificationQueue(user, { q: sp.q, kind: sp.kind, status: sp.status, district: sp.district, page });
    const params = { q: sp.q, kind: sp.kind, status: result.status === "SUBMITTED" ? undefined : result.status, district: sp.district };
    // A decision comes back to the same page of the same view.
    const back = `/credentials/verification?${query({ ...params, page: page > 1 ? String(page) : undefined })}`;
    return (
      <div>
        {header}
        <VerificationFilterBar sp={sp} status={result.status} districts={districts} />
        <VerificationQueueTable user={user} result={result} params={params} back={back} />
      </div>
    );
  }

  const params = { tab, q: sp.q, district: sp.district };
  const back = `/credentials/verification?${query({ ...params, page: page > 1 ? String(page) : undefined })}`;
  const filters = (
    <FilterBar basePath="/credentials/verification" className="sm:grid-cols-3" hidden={{ tab }}>
      <FilterInput label={tcommon("search")} name="q" defaultValue={sp.q ?? ""} placeholder={tr("searchPlaceholder")} />
      <DistrictFilter label={tc("district")} allLabel={tcommon("all")} districts={districts} value={sp.district} locale={locale} />
    </FilterBar>
  );
  return (
    <div>
      {header}
      {filters}
      {tab === "hours" ? (
        <CpdQueueTable user={user} result={await cpdQueue(user, { q: sp.q, district: sp.district, page })} params={params} back={back} />
      ) : (
        <RenewalQueueTable user={user} result={await renewalQueue(user, { q: sp.q, district: sp.district, page })} params={params} back={back} />
      )}
    </div>
  );
}
