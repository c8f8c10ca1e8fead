import { AuthzError } from "@/server/auth/session";
import { buildExamTemplate } from "@/server/exams/import/workbook";
import { attachmentHeaders, XLSX_TYPE } from "@/lib/download";

// GET /api/exams/import/template: the exam-sitting import's template in the caller's language.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const file = await buildExamTemplate();
    return new Response(new Uint8Array(file.buffer), { headers: attachmentHeaders(XLSX_TYPE, file.filename, "exam-sittings-template.xlsx") });
  } catch (error) {
    if (error instanceof AuthzError) return new Response(null, { status: error.code === "unauthenticated" ? 401 : 403 });
    throw error;
  }
}
