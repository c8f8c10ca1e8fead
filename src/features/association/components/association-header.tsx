import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { TCurrentUser } from "@/server/auth/session";
import { MEMBERSHIP_STATUSES, type TMembershipStatus } from "@/domain/association/enums";
import type { TMemberListFilter } from "@/domain/association/schemas";
import { localName } from "@/i18n/local-name";
import { Notice, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

const isStatus = (v: string): v is TMembershipStatus => (MEMBERSHIP_STATUSES as readonly string[]).includes(v);

/** The association's title for the caller's scope, "add a member" for its manager, and what a change just did. */
export async function AssociationHeader({ user, tab, manage, searchParams }: { user: TCurrentUser; tab: TMemberListFilter["tab"]; manage: boolean; searchParams: Record<string, string | string[] | undefined> }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const isAgencies = tab === "agencies";
  // After a change the list is reloaded with ?added=<number> or ?changed=<number>&to=<status>.
  const one = (k: string) => (typeof searchParams[k] === "string" ? searchParams[k] : "");
  const [added, changed, to] = [one("added"), one("changed"), one("to")];
  return (
    <>
      <PageHeader
        title={t("association.title")}
        description={t("association.description", { scope: user.regionName ? localName(user.regionName, locale) : t("home.wholeCity") })}
        actions={
          manage ? (
            <Link href={`/association/new?type=${isAgencies ? "AGENCY" : "PRACTITIONER"}`} className={`${buttonClass("primary")} whitespace-nowrap`}>
              {isAgencies ? t("association.addAgency") : t("association.addPractitioner")}
            </Link>
          ) : null
        }
      />
      {added ? <Notice tone="success">{t("association.notices.added", { number: added })}</Notice> : null}
      {changed && isStatus(to) ? (
        <Notice tone="success">{t("association.notices.changed", { number: changed, status: t(`enums.membershipStatus.${to}`) })}</Notice>
      ) : null}
    </>
  );
}
