import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { associationSummary, listMembers } from "@/server/association/queries";
import { parseMemberListFilter } from "@/domain/association/schemas";
import { AssociationHeader } from "@/features/association/components/association-header";
import { AssociationKpis } from "@/features/association/components/association-kpis";
import { MemberList } from "@/features/association/components/member-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("association");
  return { title: t("title") };
}

export default async function AssociationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("association.read");
  const sp = await searchParams;
  const filter = parseMemberListFilter(sp);
  const [summary, result] = await Promise.all([associationSummary(user), listMembers(user, filter)]);
  const manage = can(user, "association.manage");
  return (
    <div className="space-y-6">
      <AssociationHeader user={user} tab={filter.tab} manage={manage} searchParams={sp} />
      <AssociationKpis summary={summary} />
      <MemberList filter={filter} summary={summary} result={result} manage={manage} />
    </div>
  );
}
