import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/session";
import { isOwnCredential } from "@/domain/credentials/rules";
import { can } from "@/domain/authz/matrix";
import { credentialsOfPractitioner } from "@/server/credentials/queries";
import { todayInCityIso } from "@/domain/common/calendar-day";
import { Card, EmptyState } from "@/components/ui/card";
import { CredentialList } from "./credential-list";
import { CredentialForm } from "./credential-form";

/**
 * A practitioner's credentials for the register's detail page. Checks credentials.read itself
 * (a page-level check does not cover what it embeds) and renders nothing outside the scope.
 */
export async function CredentialsPanel({ practitionerId }: { practitionerId: string }) {
  const user = await getCurrentUser();
  if (!user || !can(user, "credentials.read")) return null;
  const data = await credentialsOfPractitioner(user, practitionerId);
  if (!data) return null;
  const t = await getTranslations("credentials");
  const target = { regionPath: data.practitioner.regionPath, organizationId: data.practitioner.organizationId, practitionerId: data.practitioner.id };
  const mayVerify = can(user, "credentials.verify", target);
  const mayRevoke = can(user, "credentials.revoke", target);
  const maySubmit = can(user, "credentials.submit", target);
  return (
    <Card title={t("panelTitle")}>
      <div className="space-y-6">
        {data.credentials.length ? (
          <CredentialList
            credentials={data.credentials}
            can={{ verify: (c) => mayVerify && !isOwnCredential(user, c), revoke: (c) => mayRevoke && !isOwnCredential(user, c), recordRegistration: can(user, "registrations.record", target) }}
          />
        ) : (
          <EmptyState title={t("none")} />
        )}
        {maySubmit ? (
          <section aria-labelledby="submit-credential-title" className="border-t border-slate-200 pt-4">
            <h3 id="submit-credential-title" className="mb-3 text-sm font-semibold text-slate-900">{t("submitTitle")}</h3>
            <CredentialForm practitionerId={data.practitioner.id} today={todayInCityIso()} />
          </section>
        ) : null}
      </div>
    </Card>
  );
}
