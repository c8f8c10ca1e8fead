import { AuthzError } from "@/server/auth/session";
import { exportPractitioners } from "@/server/practitioners/export";
import { parseListFilter } from "@/domain/practitioners/list-filter";

// GET /api/practitioners/export?<the register list's params>: the filtered list as Excel.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const filter = parseListFilter(new URL(request.url).searchParams);
  try {
    const { stream, filename } = await exportPractitioners(filter);
    return new Response(stream, {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="register.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AuthzError) return new Response(null, { status: error.code === "unauthenticated" ? 401 : 403 });
    throw error;
  }
}
