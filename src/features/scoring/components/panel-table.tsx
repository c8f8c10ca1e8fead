import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { removePanelMemberAction } from "@/features/scoring/actions";

type TMember = { id: string; kind: "OFFICIAL" | "EXPERT"; declaredAt: Date | null; conflict: boolean; conflictNote: string | null; user: { name: string; email: string } };

/** The panel: who sits on it, their declaration and how far they have scored; with `removable`, a remove button for members who scored nothing. */
export async function PanelTable({ callId, members, progress, removable }: { callId: string; members: TMember[]; progress: { memberId: string; complete: number; of: number }[]; removable?: boolean }) {
  const t = await getTranslations("scoring");
  const done = new Map(progress.map((p) => [p.memberId, p]));
  return (
    <DataTable
      caption={t("panel.members")}
      empty={<EmptyState title={t("panel.empty")} />}
      columns={[
        { label: t("panel.member") },
        { label: t("panel.kind") },
        { label: t("declaration") },
        { label: t("progress"), numeric: true },
        ...(removable ? [{ label: t("panel.remove"), srOnly: true, actions: true }] : []),
      ]}
      rows={members.map((m) => {
        const p = done.get(m.id);
        return {
          key: m.id,
          testId: `panel-member-${m.user.email}`,
          cells: [
            <>
              <span className="font-medium text-slate-900">{m.user.name}</span>
              <span className="block text-xs text-slate-500">{m.user.email}</span>
            </>,
            t(`kind.${m.kind}`),
            !m.declaredAt ? (
              <Badge tone="slate">{t("declarationState.none")}</Badge>
            ) : m.conflict ? (
              <>
                <Badge tone="amber">{t("declarationState.conflict")}</Badge>
                {m.conflictNote ? <span className="mt-1 block text-xs text-slate-600">{m.conflictNote}</span> : null}
              </>
            ) : (
              <Badge tone="green">{t("declarationState.noConflict")}</Badge>
            ),
            p ? t("progressOf", { done: p.complete, of: p.of }) : "—",
            ...(removable
              ? [
                  (p?.complete ?? 0) === 0 ? (
                    <ConfirmAction
                      key="remove"
                      action={removePanelMemberAction}
                      fields={{ callId, memberId: m.id }}
                      label={t("panel.remove")}
                      title={t("panel.removeTitle", { name: m.user.name })}
                      body={t("panel.removeBody")}
                      confirmLabel={t("panel.remove")}
                    />
                  ) : null,
                ]
              : []),
          ],
        };
      })}
    />
  );
}
