import { localName, type TNamed } from "@/i18n/local-name";
import { FilterChoice } from "./filter-bar";

/**
 * The district select of a list's filter bar. Shown only when the caller can choose between
 * districts: a district officer's lists are already their district's.
 */
export function DistrictFilter({ label, allLabel, districts, value, locale, name = "district" }: { label: string; allLabel: string; districts: (TNamed & { id: string })[]; value: string | undefined; locale: string; name?: string }) {
  if (districts.length <= 1) return null;
  return <FilterChoice label={label} name={name} value={value} allLabel={allLabel} options={districts.map((d) => ({ value: d.id, label: localName(d, locale) }))} />;
}
