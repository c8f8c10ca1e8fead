import { AuthzError, authorize } from "@/server/auth/session";
import { createImport } from "@/server/staff-import/mutations";
import { ImportFileError } from "@/server/staff-import/read";
import { IMPORT_MAX_BYTES } from "@/domain/staff/schemas";

// POST /api/staff-import (multipart, field "file"): upload and validate a staff file, as the page's
// form does, for scripts and the benchmark. Answers { id, totalRows, errorRows } or { error }.
// A cross-site form cannot use it: the session cookie is SameSite=Lax and the Origin must match.
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(request.url).origin && origin !== `${request.headers.get("x-forwarded-proto") ?? "http"}://${request.headers.get("host")}`) {
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  if (Number(request.headers.get("content-length") ?? 0) > IMPORT_MAX_BYTES + 64 * 1024) return Response.json({ error: "fileTooLarge", max: IMPORT_MAX_BYTES }, { status: 413 });
  try {
    // Who may import is settled before a byte of the upload is read (issue 10, hole 8);
    // createImport checks again, with the caller's agency.
    await authorize("staff.import");
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    const upload = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
    const job = await createImport(upload);
    return Response.json(job, { status: 201 });
  } catch (error) {
    if (error instanceof AuthzError) return Response.json({ error: error.code }, { status: error.code === "unauthenticated" ? 401 : 403 });
    if (error instanceof ImportFileError) return Response.json({ error: error.problem, ...error.detail }, { status: 422 });
    throw error;
  }
}
