import { getFormatter, getTranslations } from "next-intl/server";
import type { myProfile } from "@/server/credentials/queries";
import { todayInCity } from "@/domain/common/calendar-day";
import { dayFormatter } from "@/domain/common/day-format";
import { Notice } from "@/components/ui/card";

type TMyProfile = NonNullable<Awaited<ReturnType<typeof myProfile>>>;

const DAY = 86_400_000;

/** What needs the practitioner's attention: certificates about to expire, credentials refused (with the reason). */
export async function MyCredentialAlerts({ data }: { data: TMyProfile }) {
  const [t, te, format] = await Promise.all([getTranslations("me"), getTranslations("enums"), getFormatter()]);
  const date = dayFormatter(format, { style: "long" });
  const today = todayInCity().getTime();
  return (
    <>
      {data.expiring.length ? (
        <Notice tone="info">
          <p className="font-medium">{t("expiringTitle")}</p>
          <ul className="mt-1 list-disc pl-5">
            {data.expiring.map((c) => (
              <li key={c.id}>
                {t("expiringItem", { kind: te(`credentialKind.${c.kind}`), number: c.number, date: date(c.validUntil), days: Math.round((c.validUntil!.getTime() - today) / DAY) })}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
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
