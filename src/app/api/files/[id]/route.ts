import { getCurrentUser } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { recordAuditStandalone } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { scanForDownload } from "@/server/credentials/queries";
import { fileStorage } from "@/server/storage/storage";

// A credential's scan, only for those who may see the credential. Anything else, a wrong id
// included, is the same 404, so ids cannot be probed. Every download is audited.

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401, headers: { "Cache-Control": "no-store" } });
  const { id } = await params;
  if (!can(user, "credentials.read") || !/^[\w-]{1,64}$/.test(id)) return notFound();
  const file = await scanForDownload(user, id);
  if (!file) return notFound();
  const bytes = await fileStorage().get(file.storageKey);
  if (!bytes) return notFound();
  await recordAuditStandalone({
    actor: { id: user.id, email: user.email, role: user.role },
    action: "files.download",
    entity: "StoredFile",
    entityId: file.id,
    after: { credentialId: file.credential?.id ?? null, practitionerId: file.credential?.practitionerId ?? null },
    meta: await getRequestMeta(),
  });
  // Images open in the browser under a sandboxing CSP; PDFs download (a sandboxed document cannot host the PDF viewer).
  const disposition = file.mimeType === "application/pdf" ? "attachment" : "inline";
  const ascii = file.originalName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(bytes.byteLength),
      // The stored type was sniffed from the bytes on upload, never taken from the sender.
      "Content-Disposition": `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
