import { getLocale, getTranslations } from "next-intl/server";
import type { assignablePractitioners, TPostDetail } from "@/server/posts/queries";
import { isoDay } from "@/domain/common/calendar-day";
import { localName } from "@/i18n/local-name";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { AssignForm } from "./assign-form";
import { meetsLevel } from "@/domain/practitioners/qualification";
import type { TPriorityCandidate } from "@/server/civil-servants/hiring-priority";
import { PriorityCandidates, priorityLabel } from "@/features/civil-servants/components/priority-candidates";

/** Find an active practitioner by name (a GET search, so the result survives a reload) and assign them. */
export async function PostAssignCard({ post, query, candidates, departmentScope }: { post: TPostDetail; query: string; candidates: Awaited<ReturnType<typeof assignablePractitioners>> | TPriorityCandidate[]; departmentScope: boolean }) {
  const [t, te, locale] = await Promise.all([getTranslations("posts"), getTranslations("enums"), getLocale()]);
  // Department posts (P1) list candidates with hiring priority first (优先录用, plan.md T2).
  const prioritised = post.kind === "DEPARTMENT" ? (candidates as TPriorityCandidate[]) : null;
  const marked = prioritised ? await priorityLabel() : null;
  const fill = post.fill;
  const required = te(`qualificationLevel.${post.requiredQualification}`);
  return (
    <Card title={t("assign.title")}>
      <div id="assign" className="space-y-4">
        <form method="get" action={`/posts/${post.id}#assign`} role="search" className="flex flex-wrap items-end gap-2">
          <div className="min-w-60 flex-1">
            <label htmlFor="pq" className="mb-1 block text-xs font-medium text-slate-600">{t("assign.search")}</label>
            <input id="pq" name="pq" defaultValue={query} placeholder={t("assign.searchPlaceholder")} className={inputClass()} />
          </div>
          <button type="submit" className={buttonClass("secondary")}>{t("assign.searchButton")}</button>
        </form>
        {prioritised ? <PriorityCandidates candidates={prioritised} /> : null}
        {candidates.length ? (
          <AssignForm
            key={`${query}-${post.assignments.length}`}
            postId={post.id}
            today={isoDay(post.today)}
            full={fill && fill.filled >= fill.required ? { filled: fill.filled, required: fill.required } : null}
            options={candidates.map((c) => ({
              id: c.id,
              label: [marked && "priority" in c && c.priority ? marked : null, c.name, c.organization ? localName(c.organization, locale) : null, te(`qualificationLevel.${c.qualificationLevel}`), c.isQualified ? t("detail.qualified") : t("detail.notQualified")].filter(Boolean).join(" · "),
            }))}
            below={candidates
              .filter((c) => !meetsLevel(c.qualificationLevel, post.requiredQualification))
              .map((c) => ({ id: c.id, warning: t("assign.belowWarning", { name: c.name, level: te(`qualificationLevel.${c.qualificationLevel}`), required }) }))}
          />
        ) : (
          <div className="space-y-1 text-sm text-slate-600" data-testid="assign-none-found">
            <p>{t("assign.noneFound")}</p>
            <p>{t("assign.noneFoundHint")}</p>
          </div>
        )}
        {departmentScope ? <p className="text-xs text-slate-500">{t("assign.scopeDepartment")}</p> : null}
      </div>
    </Card>
  );
}
