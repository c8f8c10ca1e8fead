import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Badge, PageHeader } from "@/components/ui/card";

/** The heading of the call's scoring pages: the way back to the call, the page's title and the call's status. */
export async function CallHeading({ call, title, description }: { call: { id: string; reference: string; title: string; status: "DRAFT" | "OPEN" | "CLOSED" | "SELECTED" | "CANCELLED" }; title: string; description?: string }) {
  const t = await getTranslations("scoring");
  return (
    <div>
      <Breadcrumb label={t("call")} href={`/service-calls/${call.id}`}>{`${call.reference} · ${call.title}`}</Breadcrumb>
      <PageHeader title={title} description={description} actions={<Badge tone={call.status === "CLOSED" ? "amber" : call.status === "SELECTED" ? "green" : "slate"}>{t(`callStatus.${call.status}`)}</Badge>} />
    </div>
  );
}
