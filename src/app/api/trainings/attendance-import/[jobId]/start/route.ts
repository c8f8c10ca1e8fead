import { AuthzError } from "@/server/auth/session";
import { startAttendanceImport } from "@/server/trainings/attendance-import/mutations";
import { ZImportRef } from "@/domain/staff/schemas";
import { DomainError, StaleEditError } from "@/domain/common/errors";

// POST /api/trainings/attendance-import/<jobId>/start with { version }: starts a previewed
// attendance import, as the page's confirmation does (for scripts and the benchmark). Same-origin only.
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ jobId: string }> }): Promise<Response> {
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(request.url).origin && origin !== `${request.headers.get("x-forwarded-proto") ?? "http"}://${request.headers.get("host")}`) {
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  const { jobId } = await params;
  const body = (await request.json().catch(() => null)) as { version?: unknown } | null;
  const parsed = ZImportRef.safeParse({ jobId, version: body?.version });
  if (!parsed.success) return Response.json({ error: "checkFields" }, { status: 400 });
  try {
    return Response.json(await startAttendanceImport(parsed.data), { status: 202 });
  } catch (error) {
    if (error instanceof AuthzError) return Response.json({ error: error.code }, { status: error.code === "unauthenticated" ? 401 : 403 });
    if (error instanceof StaleEditError) return Response.json({ error: "stale" }, { status: 409 });
    if (error instanceof DomainError) return Response.json({ error: error.code }, { status: error.code === "notFound" ? 404 : 409 });
    throw error;
  }
}
