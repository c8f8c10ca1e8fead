import { AuthzError } from "@/server/auth/session";
import { buildExamErrorReport } from "@/server/exams/import/workbook";
import { attachmentHeaders, XLSX_TYPE } from "@/lib/download";

// GET /api/exams/import/<jobId>/errors: the refused rows of one of the caller's exam imports, as .xlsx.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }): Promise<Response> {
  const { jobId } = await params;
  try {
    const report = await buildExamErrorReport(jobId);
    if (!report) return new Response(null, { status: 404 });
    return new Response(new Uint8Array(report.buffer), { headers: attachmentHeaders(XLSX_TYPE, report.filename, "exam-import-errors.xlsx") });
  } catch (error) {
    if (error instanceof AuthzError) return new Response(null, { status: error.code === "unauthenticated" ? 401 : 403 });
    throw error;
  }
}
