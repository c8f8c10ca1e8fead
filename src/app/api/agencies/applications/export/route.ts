import { exportApplications } from "@/server/agencies/application-export";
import { xlsxResponse } from "@/server/export/xlsx";

// GET /api/agencies/applications/export?q&status&district: the review queue as Excel.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const get = (k: string) => params.get(k)?.trim() || undefined;
  return xlsxResponse(() => exportApplications({ q: get("q")?.slice(0, 100), status: get("status"), district: get("district") }), "agency-applications.xlsx");
}
