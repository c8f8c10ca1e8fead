import { getFormatter, getTranslations } from "next-intl/server";
import type { TApplicationDetail } from "@/server/agencies/application-queries";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { momentFormatter } from "@/domain/common/day-format";

const DOT = { SUBMITTED: "bg-brand-600", AMENDED: "bg-brand-600", APPROVED: "bg-emerald-600", REJECTED: "bg-red-600", RETURNED: "bg-amber-500" } as const;

/** Who decided what at which step, when and why: the application's events, oldest first. */
export async function ApplicationHistory({ events }: { events: TApplicationDetail["events"] }) {
  const [ta, tEnums, format] = await Promise.all([getTranslations("agencyApplications"), getTranslations("enums"), getFormatter()]);
  return (
    <Card title={ta("detail.history")}>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">{ta("detail.noHistory")}</p>
      ) : (
        <ol className="relative space-y-5 border-l border-slate-200 pl-5" data-testid="application-history">
          {events.map((e) => (
            <li key={e.id} className="relative">
              <span aria-hidden className={cn("absolute -left-[1.6rem] top-1 h-2.5 w-2.5 rounded-full ring-4 ring-white", DOT[e.decision])} />
              <p className="text-sm font-medium text-slate-900">
                {tEnums(`applicationDecision.${e.decision}`)}
                <span className="ml-1 font-normal text-slate-500">· {tEnums(`applicationStatus.${e.step}`)}</span>
              </p>
              <p className="text-xs text-slate-600">
                {e.decision === "SUBMITTED" || e.decision === "AMENDED" ? ta("detail.applicant", { name: e.actorName ?? "—" }) : (e.actorName ?? "—")} · <time dateTime={e.at.toISOString()}>{momentFormatter(format)(e.at)}</time>
              </p>
              {e.reason ? (
                <div className="mt-1 rounded-md bg-slate-50 px-3 py-2">
                  <p className="text-xs font-medium text-slate-600">{ta("detail.reasonForApplicant")}</p>
                  <p className="whitespace-pre-wrap break-words text-sm text-slate-800">{e.reason}</p>
                </div>
              ) : null}
              {e.commentForCity ? (
                <div className="mt-1 rounded-md bg-brand-50 px-3 py-2" data-testid="history-comment-for-city">
                  <p className="text-xs font-medium text-brand-900">{ta("detail.commentForCity")}</p>
                  <p className="whitespace-pre-wrap break-words text-sm text-slate-800">{e.commentForCity}</p>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
