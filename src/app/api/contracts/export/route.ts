import { exportContracts } from "@/server/contracts/export";
import { xlsxResponse } from "@/server/export/xlsx";
import { parseContractFilter } from "@/domain/contracts/list-filter";

// GET /api/contracts/export?<the contracts list's params>: the list, filtered, as Excel.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return xlsxResponse(() => exportContracts(parseContractFilter(new URL(request.url).searchParams)), "contracts.xlsx");
}
