import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { participants } from "@/server/trainings/queries";
import { withdrawAction } from "@/features/trainings/actions";
import { localName } from "@/i18n/local-name";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { EnrolmentStatusBadge } from "./training-status-badge";

type TRows = Awaited<ReturnType<typeof participants>>;

/**
 * Who is enrolled, as far as the reader may see: participant number, name, employer, status (the
 * place on the waiting list), sessions attended; withdraw where the reader may. Never ID numbers.
 */
export async function ParticipantsCard({ rows, sessions, title }: { rows: TRows; sessions: number; title: string }) {
  const [t, locale] = await Promise.all([getTranslations("trainings"), getLocale()]);
  return (
    <Card title={<span id="participants">{title}</span>}>
      <DataTable
        caption={title}
        testId="participants"
        empty={<p className="text-sm text-slate-600">{t("participants.none")}</p>}
        columns={[
          { label: t("participants.number"), numeric: true },
          { label: t("participants.name") },
          { label: t("participants.employer") },
          { label: t("participants.status") },
          { label: t("participants.attended"), numeric: true },
          { label: t("participants.actions"), srOnly: true, actions: true },
        ]}
        rows={rows.map((r) => ({
          key: r.id,
          testId: "participant-row",
          data: { status: r.status, number: String(r.number) },
          cells: [
            r.number,
            r.name,
            localName(r.employer, locale),
            <EnrolmentStatusBadge key="s" status={r.status} place={r.place} />,
            t("participants.attendedValue", { attended: r.attended, sessions }),
            <div key="a" className="flex flex-wrap gap-2">
              {r.status === "COMPLETED" ? (
                <Link href={`/trainings/completions/${r.id}`} className="text-sm text-brand-700 hover:underline">
                  {t("participants.completion")}
                  <span className="sr-only"> {r.name}</span>
                </Link>
              ) : null}
              {r.mayWithdraw && (r.status === "ENROLLED" || r.status === "WAITLISTED") ? (
                <ConfirmAction
                  action={withdrawAction}
                  extraNamespaces={["trainings.errors"]}
                  fields={{ enrolmentId: r.id }}
                  label={t("participants.withdraw", { name: r.name })}
                  title={t("participants.withdrawTitle", { name: r.name })}
                  body={r.status === "ENROLLED" ? t("participants.withdrawBodyPlace") : t("participants.withdrawBodyWaiting")}
                  confirmLabel={t("participants.withdrawConfirm")}
                />
              ) : null}
            </div>,
          ],
        }))}
      />
    </Card>
  );
}
