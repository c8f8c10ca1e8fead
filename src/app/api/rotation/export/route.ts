import { exportRotationList } from "@/server/rotation/export";
import { xlsxResponse } from "@/server/export/xlsx";

// GET /api/rotation/export?department=<id>: a department's rotation list as Excel (rotation.read, in scope).
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return xlsxResponse(() => exportRotationList(new URL(request.url).searchParams.get("department") ?? ""), "rotation-list.xlsx");
}
