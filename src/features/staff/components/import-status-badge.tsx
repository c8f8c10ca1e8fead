import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { STATUS_TONE } from "@/components/ui/status-tone";

const TONE = STATUS_TONE.importJob;

export async function ImportStatusBadge({ status }: { status: keyof typeof TONE }) {
  const t = await getTranslations("enums");
  return <Badge tone={TONE[status]}>{t(`importStatus.${status}`)}</Badge>;
}
