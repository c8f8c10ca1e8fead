import { importStartHandler } from "@/features/imports/route-handlers";
import { startAttendanceImport } from "@/server/trainings/attendance-import/mutations";

// POST /api/trainings/attendance-import/<jobId>/start with { version }: starts a previewed
// attendance import, as the page's confirmation does (for scripts and the benchmark).
export const dynamic = "force-dynamic";

export const POST = importStartHandler(startAttendanceImport);
