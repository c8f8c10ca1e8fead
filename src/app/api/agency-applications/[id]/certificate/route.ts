import { getCurrentUser } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { recordAuditStandalone, auditActor } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { certificateForDownload } from "@/server/agencies/application-queries";
import { fileStorage } from "@/server/storage/storage";

// The registration certificate of an agency application, only for reviewers who may see the
// application (its district, or the whole city). Anything else, a wrong id included, is the
// same 404, so ids cannot be probed. Every download is audited.

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401, headers: { "Cache-Control": "no-store" } });
  const { id } = await params;
  if (!can(user, "agencyApplications.read") || !/^[\w-]{1,64}$/.test(id)) return notFound();
  const found = await certificateForDownload(user, id);
  if (!found) return notFound();
  const bytes = await fileStorage().get(found.file.storageKey);
  if (!bytes) return notFound();
  await recordAuditStandalone({
    actor: auditActor(user),
    action: "files.download",
    entity: "StoredFile",
    entityId: found.file.id,
    after: { agencyApplicationId: found.application.id, reference: found.application.reference },
    meta: await getRequestMeta(),
  });
  // Images open in the browser under a sandboxing CSP; PDFs download (a sandboxed document cannot host the PDF viewer).
  const disposition = found.file.mimeType === "application/pdf" ? "attachment" : "inline";
  const ascii = found.file.originalName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": found.file.mimeType,
      "Content-Length": String(bytes.byteLength),
      // The stored type was sniffed from the bytes on upload, never taken from the sender.
      "Content-Disposition": `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(found.file.originalName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
