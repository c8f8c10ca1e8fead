import { getTranslations } from "next-intl/server";
import type { TCredentialRow } from "@/server/credentials/queries";

/** "Degree · Master", "Professional title · Senior", or the kind alone: how lists and buttons name a credential. */
export async function credentialKindLabeler() {
  const te = await getTranslations("enums");
  return (c: Pick<TCredentialRow, "kind" | "degreeLevel" | "titleLevel">) =>
    c.kind === "SOCIAL_WORK_DEGREE" && c.degreeLevel
      ? `${te(`credentialKind.${c.kind}`)} · ${te(`degree.${c.degreeLevel}`)}`
      : c.kind === "PROFESSIONAL_TITLE" && c.titleLevel
        ? `${te(`credentialKind.${c.kind}`)} · ${te(`professionalTitle.${c.titleLevel}`)}`
        : te(`credentialKind.${c.kind}`);
}
