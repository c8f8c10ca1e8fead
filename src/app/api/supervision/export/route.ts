import { exportPairs } from "@/server/supervision/export";
import { xlsxResponse } from "@/server/export/xlsx";
import { parsePairListFilter } from "@/domain/supervision/list-filter";

// GET /api/supervision/export?<the supervision list's params>: the pairs, filtered, as Excel.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return xlsxResponse(() => exportPairs(parsePairListFilter(new URL(request.url).searchParams)), "supervision.xlsx");
}
