import { exportFund } from "@/server/funds/export";
import { xlsxResponse } from "@/server/export/xlsx";

// GET /api/funds/<id>/export: the fund's lines and its contracts' money by district, project type and month, as Excel.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return xlsxResponse(() => exportFund(id), "fund.xlsx");
}
