import { exportDraw } from "@/server/spot-checks/export";
import { xlsxResponse } from "@/server/export/xlsx";

// GET /api/spot-checks/<id>/export: a draw's sample and its document checks as Excel.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return xlsxResponse(() => exportDraw(id), "spot-check.xlsx");
}
