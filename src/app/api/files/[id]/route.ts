import { getCurrentUser } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { scanForDownload } from "@/server/credentials/queries";
import { proofForDownload } from "@/server/registrations/queries";
import { fileNotFound, fileUnauthorized, isFileRouteId, serveStoredFile } from "@/server/storage/serve";

// A credential's scan or a proof of continuing-education hours, only for those who may see the
// record it belongs to. Anything else, a wrong id included, is the same 404, so ids cannot be
// probed. Every download is audited.

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return fileUnauthorized();
  const { id } = await params;
  if (!isFileRouteId(id)) return fileNotFound();
  const scan = can(user, "credentials.read") ? await scanForDownload(user, id) : null;
  if (scan) {
    const belongsTo = { credentialId: scan.credential?.id ?? null, practitionerId: scan.credential?.practitionerId ?? null };
    return serveStoredFile(user, scan, belongsTo, { kind: "credential", reference: scan.credential?.number ?? scan.id });
  }
  const proof = await proofForDownload(user, id);
  if (proof) {
    const belongsTo = { cpdEntryId: proof.cpdEntry?.id ?? null, practitionerId: proof.cpdEntry?.practitionerId ?? null };
    return serveStoredFile(user, proof, belongsTo, { kind: "cpd-proof", reference: proof.cpdEntry?.id ?? proof.id });
  }
  return fileNotFound();
}
