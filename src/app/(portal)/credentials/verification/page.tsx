import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { queueDistricts, verificationQueue } from "@/server/credentials/queries";
import { parsePage } from "@/lib/pagination";
import { VerificationFilterBar, type TQueueSearch } from "@/features/credentials/components/verification-filter-bar";
import { VerificationQueueTable } from "@/features/credentials/components/verification-queue-table";
import { Notice, PageHeader } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("verification") };
}

const DONE = ["verified", "rejected", "revoked"] as const;

export default async function VerificationQueuePage({ searchParams }: { searchParams: Promise<TQueueSearch> }) {
  const user = await requirePermission("credentials.verify");
  const sp = await searchParams;
  const page = parsePage(sp.page);
  const [t, tc, result, districts] = await Promise.all([
    getTranslations("nav"),
    getTranslations("credentials"),
    verificationQueue(user, { q: sp.q, kind: sp.kind, status: sp.status, district: sp.district, page }),
    queueDistricts(user),
  ]);
  const params = { q: sp.q, kind: sp.kind, status: result.status === "SUBMITTED" ? undefined : result.status, district: sp.district };
  // A decision comes back to the same page of the same view.
  const back = `/credentials/verification?${new URLSearchParams(Object.entries({ ...params, page: page > 1 ? String(page) : undefined }).filter((e): e is [string, string] => !!e[1])).toString()}`;
  const done = DONE.find((d) => d === sp.done);
  return (
    <div>
      <PageHeader title={t("verification")} description={tc("queueDescription")} />
      {done ? (
        <div className="mb-4">
          <Notice tone="success">{tc(done)}</Notice>
        </div>
      ) : null}
      <VerificationFilterBar sp={sp} status={result.status} districts={districts} />
      <VerificationQueueTable user={user} result={result} params={params} back={back} />
    </div>
  );
}
