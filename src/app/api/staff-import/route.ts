import { importUploadHandler } from "@/features/imports/route-handlers";
import { createImport } from "@/server/staff-import/mutations";

// POST /api/staff-import (multipart, field "file"): upload and validate a staff file, as the page's
// form does, for scripts and the benchmark (src/features/imports/route-handlers.ts).
export const dynamic = "force-dynamic";

export const POST = importUploadHandler("staff.import", (upload) => createImport(upload));
