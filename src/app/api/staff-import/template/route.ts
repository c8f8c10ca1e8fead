import { AuthzError } from "@/server/auth/session";
import { buildTemplate } from "@/server/staff-import/workbook";
import { attachmentHeaders, XLSX_TYPE } from "@/lib/download";

// GET /api/staff-import/template: the import template in the caller's language (staff.import).
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const { buffer, filename } = await buildTemplate();
    return new Response(new Uint8Array(buffer), { headers: attachmentHeaders(XLSX_TYPE, filename, "staff-import-template.xlsx") });
  } catch (error) {
    if (error instanceof AuthzError) return new Response(null, { status: error.code === "unauthenticated" ? 401 : 403 });
    throw error;
  }
}
