import { AuthzError } from "@/server/auth/session";
import { buildTemplate } from "@/server/staff-import/workbook";

// GET /api/staff-import/template: the import template in the caller's language (staff.import).
export const dynamic = "force-dynamic";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function GET(): Promise<Response> {
  try {
    const { buffer, filename } = await buildTemplate();
    return new Response(new Uint8Array(buffer), {
      headers: {
        "content-type": XLSX,
        "content-disposition": `attachment; filename="staff-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AuthzError) return new Response(null, { status: error.code === "unauthenticated" ? 401 : 403 });
    throw error;
  }
}
