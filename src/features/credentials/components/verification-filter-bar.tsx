import { getLocale, getTranslations } from "next-intl/server";
import type { queueDistricts } from "@/server/credentials/queries";
import { CREDENTIAL_KINDS, CREDENTIAL_STATUSES } from "@/domain/credentials/schemas";
import { FilterBar, FilterChoice, FilterInput } from "@/components/ui/filter-bar";
import { DistrictFilter } from "@/components/ui/district-filter";

export type TQueueSearch = { q?: string; kind?: string; status?: string; district?: string; page?: string; done?: string };

/** The queue's filters; the status defaults to SUBMITTED (what waits for a decision). */
export async function VerificationFilterBar({ sp, status, districts }: { sp: TQueueSearch; status: string; districts: Awaited<ReturnType<typeof queueDistricts>> }) {
  const [t, tc, te, locale] = await Promise.all([getTranslations("common"), getTranslations("credentials"), getTranslations("enums"), getLocale()]);
  return (
    <FilterBar basePath="/credentials/verification" className="sm:grid-cols-4">
      <FilterInput label={t("search")} name="q" defaultValue={sp.q ?? ""} placeholder={tc("queueSearchPlaceholder")} hint={t("numberSearchHint")} />
      <FilterChoice label={tc("kind")} name="kind" value={sp.kind} allLabel={t("all")} options={CREDENTIAL_KINDS.map((k) => ({ value: k, label: te(`credentialKind.${k}`) }))} />
      <FilterChoice label={tc("status")} name="status" value={status} allLabel={null} options={CREDENTIAL_STATUSES.map((s) => ({ value: s, label: te(`credentialStatus.${s}`) }))} />
      <DistrictFilter label={tc("district")} allLabel={t("all")} districts={districts} value={sp.district} locale={locale} />
    </FilterBar>
  );
}
