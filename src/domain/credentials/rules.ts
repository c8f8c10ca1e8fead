// Who may decide on a credential (verify, reject, revoke): one rule for the server, which refuses,
// and for the pages, which hide the buttons.
import type { TPrincipal } from "@/domain/authz/matrix";

type TDecider = Pick<TPrincipal, "id" | "practitionerId">;

/** Nobody decides on their own credential, nor on one they submitted themselves. */
export function isOwnCredential(principal: TDecider, credential: { practitionerId: string; submittedById: string | null }): boolean {
  return (principal.practitionerId !== null && principal.practitionerId === credential.practitionerId) || credential.submittedById === principal.id;
}
