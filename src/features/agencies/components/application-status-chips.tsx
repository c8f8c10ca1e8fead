import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { APPLICATION_STATUSES, type TApplicationStatus } from "@/domain/agencies/enums";
import { cn } from "@/components/ui/cn";

/** The queue's statuses as toggles with their counts: choosing one filters the list, choosing it again clears it. */
export async function ApplicationStatusChips({ current, counts, href }: { current: TApplicationStatus | undefined; counts: Record<TApplicationStatus, number>; href: (status?: TApplicationStatus) => string }) {
  const [ta, tEnums] = await Promise.all([getTranslations("agencyApplications"), getTranslations("enums")]);
  return (
    <nav aria-label={ta("queue.byStatus")} className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {APPLICATION_STATUSES.map((s) => {
          const active = current === s;
          return (
            <li key={s}>
              <Link
                href={href(active ? undefined : s)}
                aria-current={active ? "true" : undefined}
                className={cn("inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm", active ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50")}
              >
                {tEnums(`applicationStatus.${s}`)}
                <span className={cn("rounded-full px-1.5 text-xs font-semibold", active ? "bg-white/20" : "bg-slate-100 text-slate-700")} data-testid={`count-${s}`}>{counts[s]}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
