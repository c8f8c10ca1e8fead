import { getCurrentUser } from "@/server/auth/session";
import { recordFileFor } from "@/server/storage/record-files";
import { fileNotFound, fileUnauthorized, isFileRouteId, serveStoredFile } from "@/server/storage/serve";

// A credential's scan or a proof of continuing-education hours, only for those who may see the
// record it belongs to. Anything else, a wrong id included, is the same 404, so ids cannot be
// probed. Every download is audited. The in-page viewer reads the same file through ./inline.

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return fileUnauthorized();
  const { id } = await params;
  if (!isFileRouteId(id)) return fileNotFound();
  const found = await recordFileFor(user, id);
  return found ? serveStoredFile(user, found.file, found.belongsTo, found.name) : fileNotFound();
}
