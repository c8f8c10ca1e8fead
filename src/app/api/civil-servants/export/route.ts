import { exportDeadlines } from "@/server/civil-servants/export";
import { xlsxResponse } from "@/server/export/xlsx";
import { parseDeadlineListFilter } from "@/domain/civil-servants/list-filter";

// GET /api/civil-servants/export?<the list's params>: the civil servants' deadline list, filtered, as Excel.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return xlsxResponse(() => exportDeadlines(parseDeadlineListFilter(new URL(request.url).searchParams)), "civil-servants.xlsx");
}
