import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";

const TONE = { SUBMITTED: "amber", VERIFIED: "green", REJECTED: "red", EXPIRED: "slate", REVOKED: "red" } as const;

export async function CredentialStatusBadge({ status }: { status: keyof typeof TONE }) {
  const t = await getTranslations("enums");
  return <Badge tone={TONE[status]}>{t(`credentialStatus.${status}`)}</Badge>;
}
