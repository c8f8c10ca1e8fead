import { AuthzError } from "@/server/auth/session";
import { buildErrorReport } from "@/server/staff-import/workbook";

// GET /api/staff-import/<jobId>/errors: the refused rows of one of the caller's imports, as .xlsx.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }): Promise<Response> {
  const { jobId } = await params;
  try {
    const report = await buildErrorReport(jobId);
    if (!report) return new Response(null, { status: 404 });
    return new Response(new Uint8Array(report.buffer), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="import-errors.xlsx"; filename*=UTF-8''${encodeURIComponent(report.filename)}`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AuthzError) return new Response(null, { status: error.code === "unauthenticated" ? 401 : 403 });
    throw error;
  }
}
