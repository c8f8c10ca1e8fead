import { AuthzError, authorize } from "@/server/auth/session";
import { attendanceImportProgress } from "@/server/trainings/attendance-import/queries";

// GET /api/trainings/attendance-import/<jobId>/progress: the figures the progress bar polls.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }): Promise<Response> {
  const { jobId } = await params;
  try {
    const user = await authorize("trainings.attendance");
    const progress = await attendanceImportProgress(user, jobId);
    if (!progress) return Response.json({ error: "notFound" }, { status: 404, headers: { "cache-control": "no-store" } });
    return Response.json(progress, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof AuthzError) return Response.json({ error: error.code }, { status: error.code === "unauthenticated" ? 401 : 403 });
    throw error;
  }
}
