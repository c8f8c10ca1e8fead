import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { TCurrentUser } from "@/server/auth/session";
import { scopeOf } from "@/domain/authz/matrix";
import { localName } from "@/i18n/local-name";
import { Notice, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { ExportLink } from "@/components/ui/export-link";

/** The page's title for the caller's scope, its actions, and what a change just did. */
export async function SupervisionHeader({ user, manage, approve, exportParams, searchParams }: { user: TCurrentUser; manage: boolean; approve: boolean; exportParams: Record<string, string | undefined>; searchParams: Record<string, string | string[] | undefined> }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const scope = scopeOf(user.role, "supervision.read");
  const scopeName = scope === "city" ? t("home.wholeCity") : scope === "district" ? localName(user.regionName, locale) : localName(user.organizationName, locale);
  const one = (k: string) => (typeof searchParams[k] === "string" ? searchParams[k] : "");
  return (
    <>
      <PageHeader
        title={t("supervision.title")}
        description={t("supervision.description", { scope: scopeName })}
        actions={
          <>
            {manage ? <Link href="/supervision/new" className={buttonClass("primary")}>{t("supervision.start.link")}</Link> : null}
            {approve ? <Link href="/supervision/approve" className={buttonClass("secondary")}>{t("supervision.approve.link")}</Link> : null}
            <ExportLink href="/api/supervision/export" params={exportParams} />
          </>
        }
      />
      {one("started") ? <Notice tone="success">{t("supervision.notices.started")}</Notice> : null}
      {one("ended") ? <Notice tone="success">{t("supervision.notices.ended")}</Notice> : null}
      {one("approved") ? <Notice tone="success">{t("supervision.notices.approved")}</Notice> : null}
    </>
  );
}
