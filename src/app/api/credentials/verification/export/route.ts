import { exportVerificationQueue, parseQueueExportFilter } from "@/server/credentials/queue-export";
import { xlsxResponse } from "@/server/export/xlsx";

// GET /api/credentials/verification/export?tab=<credentials|hours|renewals>&<the tab's filter>: the tab as Excel.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return xlsxResponse(() => exportVerificationQueue(parseQueueExportFilter(new URL(request.url).searchParams)), "verification-queue.xlsx");
}
