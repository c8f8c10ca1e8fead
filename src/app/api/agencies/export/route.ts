import { exportAgencies } from "@/server/agencies/export";
import { xlsxResponse } from "@/server/export/xlsx";
import { parseAgencyListFilter } from "@/domain/agencies/list-filter";

// GET /api/agencies/export?<the agency list's params>: the filtered list as Excel.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return xlsxResponse(() => exportAgencies(parseAgencyListFilter(new URL(request.url).searchParams)), "agencies.xlsx");
}
