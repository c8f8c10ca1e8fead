import { getTranslations } from "next-intl/server";
import type { TDeadlineStatus } from "@/domain/civil-servants/rules";
import { Badge } from "@/components/ui/card";

/** Red past the deadline, amber within the window, blue under way, green done. */
export const DEADLINE_TONE = { OVERDUE: "red", DUE: "amber", PENDING: "blue", DONE: "green" } as const satisfies Record<TDeadlineStatus, "red" | "amber" | "blue" | "green">;

export async function DeadlineStatusBadge({ status, late }: { status: TDeadlineStatus; late?: boolean }) {
  const t = await getTranslations("civilServants");
  return (
    <span className="inline-flex flex-wrap gap-1" data-testid="deadline-status" data-status={status}>
      <Badge tone={DEADLINE_TONE[status]}>{t(`statuses.${status}`)}</Badge>
      {late ? <Badge tone="amber">{t("list.late")}</Badge> : null}
    </span>
  );
}
