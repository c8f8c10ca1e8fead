import { AuthzError } from "@/server/auth/session";
import { buildAttendanceTemplate } from "@/server/trainings/attendance-import/workbook";
import { attachmentHeaders, XLSX_TYPE } from "@/lib/download";

// GET /api/trainings/attendance-import/template[?training=<id>]: the attendance template in the
// caller's language; for one programme, pre-filled with its participants and sessions.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const training = new URL(request.url).searchParams.get("training");
  try {
    const file = await buildAttendanceTemplate(training && /^[\w-]{1,64}$/.test(training) ? training : null);
    if (!file) return new Response(null, { status: 404 });
    return new Response(new Uint8Array(file.buffer), { headers: attachmentHeaders(XLSX_TYPE, file.filename, "attendance-template.xlsx") });
  } catch (error) {
    if (error instanceof AuthzError) return new Response(null, { status: error.code === "unauthenticated" ? 401 : 403 });
    throw error;
  }
}
