import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { TPractitionerDetail } from "@/server/practitioners/queries";
import { localName } from "@/i18n/local-name";
import { Notice, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClass } from "@/components/ui/button";

export type TPractitionerNoticeParams = { created?: string; saved?: string; transferred?: string };

/**
 * The practitioner's name, employer and district; the edit link (their own contact only, for a
 * practitioner reading themselves); and what the last change did.
 */
export async function PractitionerHeader({ p, self, mayEdit, notice }: { p: TPractitionerDetail; self: boolean; mayEdit: boolean; notice: TPractitionerNoticeParams }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const done = notice.created ? t("practitioners.notices.created") : notice.saved ? t("practitioners.notices.saved") : notice.transferred ? t("staff.transfer.saved") : null;
  return (
    <div>
      {!self ? <Breadcrumb label={t("common.breadcrumb")} href="/practitioners">{t("practitioners.title")}</Breadcrumb> : null}
      <PageHeader
        title={p.name}
        description={[p.organization ? localName(p.organization, locale) : null, p.district ? localName(p.district, locale) : null].filter(Boolean).join(" · ") || undefined}
        actions={
          mayEdit ? (
            <Link href={`/practitioners/${p.id}/edit`} className={buttonClass("secondary")}>
              {self ? t("practitioners.editContact") : t("practitioners.edit")}
            </Link>
          ) : null
        }
      />
      {done ? <Notice tone="success">{done}</Notice> : null}
    </div>
  );
}
