import { getCurrentUser } from "@/server/auth/session";
import { registrationScanFor } from "@/server/agencies/application-queries";
import { fileNotFound, fileUnauthorized, isFileRouteId, serveStoredFile } from "@/server/storage/serve";

// The registration certificate of an agency application, only for reviewers who may see the
// application (its district, or the whole city). Anything else, a wrong id included, is the
// same 404, so ids cannot be probed. Every download is audited. The viewer reads it through ./inline.

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return fileUnauthorized();
  const { id } = await params;
  if (!isFileRouteId(id)) return fileNotFound();
  const found = await registrationScanFor(user, id);
  return found ? serveStoredFile(user, found.file, found.belongsTo, found.name) : fileNotFound();
}
