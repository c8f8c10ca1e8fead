import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TAgencyDetail } from "@/server/agencies/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { Badge, Card } from "@/components/ui/card";
import { STATUS_TONE } from "@/components/ui/status-tone";

/** Side by side: the agency's staff counts (with a link to the register) and its association membership. */
export async function AgencyStaffAndMembership({ agency: a, mayReadStaff }: { agency: TAgencyDetail; mayReadStaff: boolean }) {
  const [t, format] = await Promise.all([getTranslations("agencies"), getFormatter()]);
  const day = dayFormatter(format);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={t("staff.title")}>
        <p className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="staff-counts">
          {t("staff.count", { qualified: a.staff.qualified, total: a.staff.total })}
        </p>
        <p className="mt-1 text-sm text-slate-600">{t("staff.hint")}</p>
        {mayReadStaff ? (
          <Link href={`/practitioners?employer=${a.id}`} className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
            {t("staff.list")}
          </Link>
        ) : null}
      </Card>
      <Card title={t("member.title")}>
        <MembershipList memberships={a.memberships} day={day} />
        {a.application ? (
          <p className="mt-4 text-sm">
            <Link href={`/agencies/applications/${a.application.id}`} className="font-medium text-brand-700 hover:underline">
              {t("profile.application", { reference: a.application.reference })}
            </Link>
          </p>
        ) : null}
      </Card>
    </div>
  );
}

async function MembershipList({ memberships, day }: { memberships: TAgencyDetail["memberships"]; day: (d: Date | null) => string }) {
  const t = await getTranslations();
  if (!memberships.length) return <p className="text-sm text-slate-600">{t("agencies.member.none")}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {memberships.map((m) => (
        <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span>
            <span className="font-mono">{m.memberNumber}</span>
            <span className="ml-2 text-slate-600">{t("agencies.member.joined", { date: day(m.joinedOn) })}</span>
            {m.endedOn ? <span className="ml-2 text-slate-600">{t("agencies.member.ended", { date: day(m.endedOn) })}</span> : null}
          </span>
          <Badge tone={STATUS_TONE.membership[m.status]}>{t(`enums.membershipStatus.${m.status}`)}</Badge>
        </li>
      ))}
    </ul>
  );
}
