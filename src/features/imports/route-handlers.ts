import { AuthzError, authorize } from "@/server/auth/session";
import { ImportFileError } from "@/server/staff-import/read";
import type { TAction } from "@/domain/authz/matrix";
import { IMPORT_MAX_BYTES, ZImportRef, type TImportRef } from "@/domain/staff/schemas";
import { DomainError, StaleEditError } from "@/domain/common/errors";

// The route handlers every Excel import offers for scripts and the benchmark, beside its pages:
// POST …/import (multipart, "file" and the import's own fields) uploads and checks a sheet, as the
// page's form does, answering { id, totalRows, errorRows } or { error }; POST …/<jobId>/start with
// { version } starts a previewed import, as the page's confirmation does. A cross-site form cannot
// use them: the session cookie is SameSite=Lax and the Origin must match.

function crossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  return !!origin && origin !== new URL(request.url).origin && origin !== `${request.headers.get("x-forwarded-proto") ?? "http"}://${request.headers.get("host")}`;
}

const forbiddenOrigin = () => Response.json({ error: "forbidden" }, { status: 403 });
const authzFailure = (error: AuthzError) => Response.json({ error: error.code }, { status: error.code === "unauthenticated" ? 401 : 403 });

/** The upload handler: who may import is settled (`permission`) before a byte of the upload is read (issue 10, hole 8); `create` checks again with the caller's scope. */
export function importUploadHandler(permission: TAction, create: (upload: { name: string; bytes: Uint8Array } | null, form: FormData | null) => Promise<unknown>) {
  return async function POST(request: Request): Promise<Response> {
    if (crossSite(request)) return forbiddenOrigin();
    if (Number(request.headers.get("content-length") ?? 0) > IMPORT_MAX_BYTES + 64 * 1024) return Response.json({ error: "fileTooLarge", max: IMPORT_MAX_BYTES }, { status: 413 });
    try {
      await authorize(permission);
      const form = await request.formData().catch(() => null);
      const file = form?.get("file");
      const upload = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
      return Response.json(await create(upload, form), { status: 201 });
    } catch (error) {
      if (error instanceof AuthzError) return authzFailure(error);
      if (error instanceof ImportFileError) return Response.json({ error: error.problem, ...error.detail }, { status: 422 });
      if (error instanceof DomainError) return Response.json({ error: error.code }, { status: 422 });
      throw error;
    }
  };
}

/** The start handler: starts the previewed job at `version` (202), or says why not. */
export function importStartHandler(start: (ref: TImportRef) => Promise<unknown>) {
  return async function POST(request: Request, { params }: { params: Promise<{ jobId: string }> }): Promise<Response> {
    if (crossSite(request)) return forbiddenOrigin();
    const { jobId } = await params;
    const body = (await request.json().catch(() => null)) as { version?: unknown } | null;
    const parsed = ZImportRef.safeParse({ jobId, version: body?.version });
    if (!parsed.success) return Response.json({ error: "checkFields" }, { status: 400 });
    try {
      return Response.json(await start(parsed.data), { status: 202 });
    } catch (error) {
      if (error instanceof AuthzError) return authzFailure(error);
      if (error instanceof StaleEditError) return Response.json({ error: "stale" }, { status: 409 });
      if (error instanceof DomainError) return Response.json({ error: error.code }, { status: error.code === "notFound" ? 404 : 409 });
      throw error;
    }
  };
}
