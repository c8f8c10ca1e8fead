import { getTranslations } from "next-intl/server";
import { isAction } from "@/domain/authz/matrix";
import { auditLabelKey } from "@/domain/audit/labels";
import { capabilityName } from "@/features/shell/navigation";

/**
 * The audit log's names for actions and record kinds, in the reader's language: the catalogue's
 * label (auditLabels.*); for a denied visit, written under a matrix action, that capability's
 * label; otherwise the code as written, so an event from a newer or older version still shows.
 */
export async function auditLabels() {
  const [tl, tc] = await Promise.all([getTranslations("auditLabels"), getTranslations("capabilities")]);
  // Keys built from what the database holds: the catalogue is checked against the code that writes
  // them (tests/unit/audit-labels.test.ts), and an unknown one falls back to the code.
  const label = (key: string): string | null => (tl.has(key as never) ? tl(key as never) : null);
  return {
    action: (code: string): string => label(`actions.${auditLabelKey(code)}`) ?? (isAction(code) ? tc(capabilityName(code)) : code),
    entity: (code: string): string => label(`entities.${code}`) ?? code,
  };
}
