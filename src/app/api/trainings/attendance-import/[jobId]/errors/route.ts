import { AuthzError } from "@/server/auth/session";
import { buildAttendanceErrorReport } from "@/server/trainings/attendance-import/workbook";
import { attachmentHeaders, XLSX_TYPE } from "@/lib/download";

// GET /api/trainings/attendance-import/<jobId>/errors: the refused rows of one of the caller's
// attendance imports, as .xlsx, to correct and upload again.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }): Promise<Response> {
  const { jobId } = await params;
  try {
    const report = await buildAttendanceErrorReport(jobId);
    if (!report) return new Response(null, { status: 404 });
    return new Response(new Uint8Array(report.buffer), { headers: attachmentHeaders(XLSX_TYPE, report.filename, "attendance-errors.xlsx") });
  } catch (error) {
    if (error instanceof AuthzError) return new Response(null, { status: error.code === "unauthenticated" ? 401 : 403 });
    throw error;
  }
}
