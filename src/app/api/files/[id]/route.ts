import { getCurrentUser } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { scanForDownload } from "@/server/credentials/queries";
import { fileNotFound, fileUnauthorized, isFileRouteId, serveStoredFile } from "@/server/storage/serve";

// A credential's scan, only for those who may see the credential. Anything else, a wrong id
// included, is the same 404, so ids cannot be probed. Every download is audited.

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return fileUnauthorized();
  const { id } = await params;
  if (!can(user, "credentials.read") || !isFileRouteId(id)) return fileNotFound();
  const file = await scanForDownload(user, id);
  if (!file) return fileNotFound();
  return serveStoredFile(user, file, { credentialId: file.credential?.id ?? null, practitionerId: file.credential?.practitionerId ?? null });
}
