import { getFormatter, getTranslations } from "next-intl/server";
import type { TPostDetail } from "@/server/posts/queries";
import { isoDay } from "@/domain/common/calendar-day";
import { dayFormatter } from "@/domain/common/day-format";
import { Badge, Card, Notice } from "@/components/ui/card";
import { CountingExplanation } from "@/features/practitioners/components/counting-explanation";
import { HistoryTable } from "@/components/ui/data-table";
import { AssignmentPerson } from "./assignment-person";
import { EndAssignmentButton } from "./post-buttons";

/**
 * Who holds the post now or from a later day, whether each counts (and why not), and a warning for
 * holders whose qualification is below what the post requires; a manager may end an assignment.
 */
export async function PostHoldersCard({ post, manage }: { post: TPostDetail; manage: boolean }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const day = dayFormatter(format);
  const holders = post.assignments.filter((a) => a.open);
  const below = holders.filter((a) => a.belowRequirement);
  const required = t(`enums.qualificationLevel.${post.requiredQualification}`);
  return (
    <Card title={t("posts.detail.holders")}>
      {below.length ? (
        <div className="mb-4" data-testid="below-requirement">
          <Notice tone="info">
            {t("posts.detail.belowRequirement", { count: below.length, names: below.map((a) => a.practitioner.name).join("、"), required })}
          </Notice>
        </div>
      ) : null}
      <HistoryTable
        caption={t("posts.detail.holders")}
        none={t("posts.detail.noHolders")}
        columns={[
          { label: t("posts.detail.name") },
          { label: t("posts.detail.qualification"), className: "whitespace-nowrap" },
          { label: t("posts.detail.from"), className: "whitespace-nowrap" },
          ...(manage ? [{ label: t("posts.detail.actions"), srOnly: true, actions: true, className: "sm:text-right" }] : []),
        ]}
        rows={holders.map((a) => ({
          key: a.id,
          testId: "holder-row",
          cells: [
            <>
              <AssignmentPerson assignment={a} />
              {a.practitioner.status !== "ACTIVE" ? <span className="ml-2"><Badge tone="amber">{t(`enums.practitionerStatus.${a.practitioner.status}`)}</Badge></span> : null}
              {!a.current ? <span className="ml-2"><Badge tone="blue">{t("posts.detail.startsLater")}</Badge></span> : null}
            </>,
            <>
              {a.counting ? <CountingExplanation variant="short" counting={a.counting} /> : null}
              <span className={a.belowRequirement ? "block text-xs font-medium text-amber-900" : "block text-xs text-slate-500"}>
                {t(`enums.qualificationLevel.${a.practitioner.qualificationLevel}`)}
                {a.belowRequirement ? ` · ${t("posts.detail.belowRequired", { required })}` : ""}
              </span>
            </>,
            day(a.from),
            ...(manage ? [<EndAssignmentButton key="end" assignment={{ id: a.id, name: a.practitioner.name, from: day(a.from) }} today={isoDay(post.today)} />] : []),
          ],
        }))}
      />
    </Card>
  );
}
