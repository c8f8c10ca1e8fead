import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { formerStaff } from "@/server/staff/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";

/** Employments that ended, newest first: who, where (not for an agency's own list), when, why and where to. */
export async function FormerStaffTable({ result, ownAgency, params }: { result: Awaited<ReturnType<typeof formerStaff>>; ownAgency: boolean; params: Record<string, string | undefined> }) {
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  return (
    <>
      <DataTable
        caption={t("staff.former.title")}
        empty={<EmptyState title={t("staff.former.empty")} />}
        columns={[
          { label: t("staff.former.columns.name") },
          ...(!ownAgency ? [{ label: t("staff.former.columns.employer") }] : []),
          { label: t("staff.former.columns.from"), className: "whitespace-nowrap" },
          { label: t("staff.former.columns.to"), className: "whitespace-nowrap" },
          { label: t("staff.former.columns.reason") },
          { label: t("staff.former.columns.movedTo") },
          { label: t("staff.former.columns.note"), className: "text-slate-600" },
        ]}
        rows={result.items.map((r) => ({
          key: r.id,
          cells: [
            r.practitionerId ? <Link href={`/practitioners/${r.practitionerId}`} className="font-medium text-brand-700 hover:underline">{r.name}</Link> : <span className="font-medium">{r.name}</span>,
            ...(!ownAgency ? [localName(r.organization, locale)] : []),
            day(r.from),
            day(r.to),
            r.endReason ? <Badge tone={r.endReason === "MOVED" ? "blue" : "slate"}>{t(`enums.employmentEnd.${r.endReason}`)}</Badge> : null,
            r.movedTo ? localName(r.movedTo, locale) : "—",
            r.note ?? "",
          ],
        }))}
      />
      {result.items.length ? <ListPagination result={result} basePath="/practitioners/former" params={params} /> : null}
    </>
  );
}
