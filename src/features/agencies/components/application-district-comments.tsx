import { getFormatter, getTranslations } from "next-intl/server";
import type { TApplicationDetail } from "@/server/agencies/application-queries";
import { momentFormatter } from "@/domain/common/day-format";

/**
 * What the district wrote for the city review (issue 11, item 10), newest first, above the
 * particulars so that the city reads it before deciding: each with who wrote it, when, and at which
 * decision. Reviewers only; the applicant never sees it (not in e-mails, not on the status page).
 */
export async function ApplicationDistrictComments({ events }: { events: TApplicationDetail["events"] }) {
  const comments = events.filter((e) => e.commentForCity).reverse();
  if (comments.length === 0) return null;
  const [ta, format] = await Promise.all([getTranslations("agencyApplications.detail"), getFormatter()]);
  const when = momentFormatter(format);
  return (
    <section aria-labelledby="district-comments-title" className="rounded-lg border border-brand-200 bg-brand-50 p-4 sm:p-5" data-testid="district-comments">
      <h2 id="district-comments-title" className="text-sm font-semibold text-brand-900">
        {ta("districtComments")}
      </h2>
      <ul className="mt-3 space-y-3">
        {comments.map((e) => (
          <li key={e.id} data-testid="district-comment">
            <p className="whitespace-pre-wrap break-words rounded-md bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-brand-100">{e.commentForCity}</p>
            <p className="mt-1 text-xs text-slate-700">
              {e.actorName ?? "—"} · <time dateTime={e.at.toISOString()}>{when(e.at)}</time> · {e.decision === "RETURNED" ? ta("commentOnReturn") : ta("commentOnForward")}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
