import { AuthzError } from "@/server/auth/session";
import { exportPractitioners } from "@/server/practitioners/export";
import { parseListFilter } from "@/domain/practitioners/list-filter";
import { attachmentHeaders, XLSX_TYPE } from "@/lib/download";

// GET /api/practitioners/export?<the register list's params>: the filtered list as Excel.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const filter = parseListFilter(new URL(request.url).searchParams);
  try {
    const { stream, filename } = await exportPractitioners(filter);
    return new Response(stream, { headers: attachmentHeaders(XLSX_TYPE, filename, "register.xlsx") });
  } catch (error) {
    if (error instanceof AuthzError) return new Response(null, { status: error.code === "unauthenticated" ? 401 : 403 });
    throw error;
  }
}
