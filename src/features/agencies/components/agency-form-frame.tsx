import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import type { TNamed } from "@/i18n/local-name";
import { localName } from "@/i18n/local-name";
import { PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";

/** A form page about one agency: back to its profile (at `section`), the form's title under the agency's name, the form. */
export async function AgencyFormFrame({ agency, section, title, children }: { agency: TNamed & { id: string }; section?: "integrity" | "ratings"; title: string; children: ReactNode }) {
  const [t, locale] = await Promise.all([getTranslations("common"), getLocale()]);
  const name = localName(agency, locale);
  return (
    <div className="space-y-4">
      <Breadcrumb label={t("breadcrumb")} href={`/agencies/${agency.id}${section ? `#${section}` : ""}`} className="text-sm">{name}</Breadcrumb>
      <PageHeader title={title} description={name} />
      {children}
    </div>
  );
}
