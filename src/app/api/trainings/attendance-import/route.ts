import { AuthzError, authorize } from "@/server/auth/session";
import { createAttendanceImport } from "@/server/trainings/attendance-import/mutations";
import { ImportFileError } from "@/server/staff-import/read";
import { IMPORT_MAX_BYTES } from "@/domain/staff/schemas";
import { DomainError } from "@/domain/common/errors";

// POST /api/trainings/attendance-import (multipart: "file", and "providerId" when the city imports
// for a provider): upload and check an attendance sheet, as the page's form does, for scripts and
// the benchmark. Answers { id, totalRows, errorRows } or { error }. Same-origin only (the session
// cookie is SameSite=Lax), as the staff import's route.
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(request.url).origin && origin !== `${request.headers.get("x-forwarded-proto") ?? "http"}://${request.headers.get("host")}`) {
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  if (Number(request.headers.get("content-length") ?? 0) > IMPORT_MAX_BYTES + 64 * 1024) return Response.json({ error: "fileTooLarge", max: IMPORT_MAX_BYTES }, { status: 413 });
  try {
    // Who may import is settled before a byte of the upload is read.
    await authorize("trainings.attendance");
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    const provider = form?.get("providerId");
    const upload = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
    const job = await createAttendanceImport(upload, typeof provider === "string" && provider ? provider : null);
    return Response.json(job, { status: 201 });
  } catch (error) {
    if (error instanceof AuthzError) return Response.json({ error: error.code }, { status: error.code === "unauthenticated" ? 401 : 403 });
    if (error instanceof ImportFileError) return Response.json({ error: error.problem, ...error.detail }, { status: 422 });
    if (error instanceof DomainError) return Response.json({ error: error.code }, { status: 422 });
    throw error;
  }
}
