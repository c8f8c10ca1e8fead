import { getCurrentUser } from "@/server/auth/session";
import { recordFileFor } from "@/server/storage/record-files";
import { fileNotFound, fileUnauthorized, isFileRouteId, serveStoredFile } from "@/server/storage/serve";

// The same file as ../route.ts (the same checks: recordFileFor), for the in-page scan viewer:
// PDF, PNG and JPEG only, inline, frame-able by the portal's own pages only (X-Frame-Options
// SAMEORIGIN from next.config.ts, frame-ancestors 'self'), audited as files.view.

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return fileUnauthorized();
  const { id } = await params;
  if (!isFileRouteId(id)) return fileNotFound();
  const found = await recordFileFor(user, id);
  return found ? serveStoredFile(user, found.file, found.belongsTo, found.name, "view") : fileNotFound();
}
