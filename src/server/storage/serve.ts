import "server-only";
import { auditActor, recordAuditStandalone } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import type { TCurrentUser } from "@/server/auth/session";
import { inlineScanHeaders, isInlineViewable, uploadedFileHeaders } from "@/lib/download";
import { downloadName } from "@/lib/file-sniff";
import { fileStorage } from "./storage";

// Uploaded files (credential scans, registration certificates) go back to the browser through
// here only: the route has already checked who may see the file; this reads it, audits the
// download and sends it with the upload headers. Anything missing is the same bare 404 as an
// unknown id, so ids cannot be probed.

export const fileNotFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
export const fileUnauthorized = () => new Response("Unauthorized", { status: 401, headers: { "Cache-Control": "no-store" } });

/** Ids in download URLs are cuids; anything else is refused before the database is asked. */
export const isFileRouteId = (id: string) => /^[\w-]{1,64}$/.test(id);

type TStoredFileRef = { id: string; storageKey: string; mimeType: string; originalName: string };

/**
 * Sends a stored file the caller may see, with a files.download audit event naming what it belongs
 * to, under the name `downloadName(kind, reference, type)` (src/lib/file-sniff.ts). With
 * `view`, the file is for the in-page viewer: only PDF, PNG and JPEG (anything else is the same
 * 404), sent inline with the viewer's headers and audited as files.view.
 */
export async function serveStoredFile(
  user: TCurrentUser,
  file: TStoredFileRef,
  belongsTo: Record<string, string | null>,
  name: { kind: string; reference: string },
  mode: "download" | "view" = "download",
): Promise<Response> {
  if (mode === "view" && !isInlineViewable(file.mimeType)) return fileNotFound();
  const bytes = await fileStorage().get(file.storageKey);
  if (!bytes) return fileNotFound();
  await recordAuditStandalone({
    actor: auditActor(user),
    action: mode === "view" ? "files.view" : "files.download",
    entity: "StoredFile",
    entityId: file.id,
    after: belongsTo,
    meta: await getRequestMeta(),
  });
  const fileName = downloadName(name.kind, name.reference, file.mimeType);
  const headers = mode === "view" ? inlineScanHeaders(file, bytes.byteLength, fileName) : uploadedFileHeaders(file, bytes.byteLength, fileName);
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}
