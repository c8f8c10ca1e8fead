import { exportPractitioners } from "@/server/practitioners/export";
import { xlsxResponse } from "@/server/export/xlsx";
import { parseListFilter } from "@/domain/practitioners/list-filter";

// GET /api/practitioners/export?<the register list's params>: the filtered list as Excel.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return xlsxResponse(() => exportPractitioners(parseListFilter(new URL(request.url).searchParams)), "register.xlsx");
}
