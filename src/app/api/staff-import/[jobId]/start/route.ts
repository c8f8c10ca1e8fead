import { importStartHandler } from "@/features/imports/route-handlers";
import { startImport } from "@/server/staff-import/mutations";

// POST /api/staff-import/<jobId>/start with { version }: starts a previewed import, as the page's
// confirmation does (for scripts and the benchmark).
export const dynamic = "force-dynamic";

export const POST = importStartHandler(startImport);
