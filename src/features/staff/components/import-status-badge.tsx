import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";

const TONE = { PREVIEW: "amber", QUEUED: "blue", RUNNING: "blue", DONE: "green", FAILED: "red", CANCELLED: "slate" } as const;

export async function ImportStatusBadge({ status }: { status: keyof typeof TONE }) {
  const t = await getTranslations("enums");
  return <Badge tone={TONE[status]}>{t(`importStatus.${status}`)}</Badge>;
}
