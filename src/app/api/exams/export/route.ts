import { exportSittings } from "@/server/exams/export";
import { xlsxResponse } from "@/server/export/xlsx";
import { parseSittingListFilter } from "@/domain/exams/list-filter";

// GET /api/exams/export?<the exam sittings list's params>: the sittings in scope, filtered, as Excel.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return xlsxResponse(() => exportSittings(parseSittingListFilter(new URL(request.url).searchParams)), "exam-sittings.xlsx");
}
