import { AuthzError, authorize } from "@/server/auth/session";
import { canImportSittings } from "@/server/exams/scope";
import { examImportProgress } from "@/server/exams/import/queries";

// GET /api/exams/import/<jobId>/progress: the figures the progress bar polls.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }): Promise<Response> {
  const { jobId } = await params;
  try {
    const user = await authorize("exams.record");
    if (!canImportSittings(user)) throw new AuthzError("forbidden");
    const progress = await examImportProgress(user, jobId);
    if (!progress) return Response.json({ error: "notFound" }, { status: 404, headers: { "cache-control": "no-store" } });
    return Response.json(progress, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof AuthzError) return Response.json({ error: error.code }, { status: error.code === "unauthenticated" ? 401 : 403 });
    throw error;
  }
}
