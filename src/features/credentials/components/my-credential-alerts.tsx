import { getTranslations } from "next-intl/server";
import type { myProfile } from "@/server/credentials/queries";
import { Notice } from "@/components/ui/card";

type TMyProfile = NonNullable<Awaited<ReturnType<typeof myProfile>>>;

/** What needs the practitioner's attention: credentials refused (with the reason). Registrations due are in the registration panel. */
export async function MyCredentialAlerts({ data }: { data: TMyProfile }) {
  const [t, te] = await Promise.all([getTranslations("me"), getTranslations("enums")]);
  return (
    <>
      {data.rejected.length ? (
        <Notice tone="error">
          <p className="font-medium">{t("rejectedTitle")}</p>
          <ul className="mt-1 list-disc pl-5">
            {data.rejected.map((c) => (
              <li key={c.id}>{t("rejectedItem", { kind: te(`credentialKind.${c.kind}`), number: c.number, reason: c.statusReason ?? "—" })}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
    </>
  );
}
