import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TRotationList } from "@/server/rotation/list";
import { removeFromListAction } from "@/features/rotation/actions";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ConfirmAction } from "@/components/ui/confirm-action";

/** A department's rotation list: each person, their last rotation training attended, and whether it covers them. */
export async function RotationListTable({ list, departmentName }: { list: TRotationList; departmentName: string }) {
  const [t, te, format] = await Promise.all([getTranslations("rotation.list"), getTranslations("enums.employmentType"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <DataTable
      caption={t("caption", { department: departmentName })}
      testId="rotation-list"
      empty={<EmptyState title={t("empty")}>{list.manage ? t("emptyHintManage") : null}</EmptyState>}
      columns={[
        { label: t("name") },
        { label: t("employment") },
        { label: t("lastRotation") },
        { label: t("status") },
        ...(list.manage ? [{ label: t("actions"), srOnly: true, actions: true }] : []),
      ]}
      rows={list.rows.map((r) => ({
        key: r.id,
        testId: "rotation-entry",
        data: { name: r.practitioner.name, covered: String(r.covered) },
        cells: [
          <div key="n">
            <Link href={`/practitioners/${r.practitioner.id}`} className="font-medium text-brand-700 hover:underline">{r.practitioner.name}</Link>
            {r.elsewhere ? <span className="block text-xs text-amber-900">{t("elsewhere")}</span> : null}
          </div>,
          r.practitioner.employmentType ? te(r.practitioner.employmentType) : "—",
          r.lastRotation ? (
            <div key="l">
              <span className="tabular-nums">{day(r.lastRotation.date)}</span>
              <span className="block text-xs text-slate-600">{r.lastRotation.title}</span>
            </div>
          ) : (
            t("never")
          ),
          <Badge key="c" tone={r.covered ? "green" : "amber"}>{r.covered ? t("covered") : t("notCovered")}</Badge>,
          ...(list.manage
            ? [
                <ConfirmAction
                  key="r"
                  action={removeFromListAction}
                  fields={{ entryId: r.id }}
                  label={t("remove")}
                  title={t("removeTitle", { name: r.practitioner.name })}
                  body={t("removeBody", { name: r.practitioner.name, department: departmentName })}
                  confirmLabel={t("removeConfirm")}
                  extraNamespaces={["rotation.errors"]}
                />,
              ]
            : []),
        ],
      }))}
    />
  );
}
