import { exportTrainingTable } from "@/server/dashboards/training-export";
import { xlsxResponse } from "@/server/export/xlsx";

// GET /api/dashboard/training/export?table=<one of the dashboard's tables>&<the dashboard's params>: that table as Excel.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return xlsxResponse(() => exportTrainingTable(new URL(request.url).searchParams), "training-dashboard.xlsx");
}
