import { importUploadHandler } from "@/features/imports/route-handlers";
import { createAttendanceImport } from "@/server/trainings/attendance-import/mutations";

// POST /api/trainings/attendance-import (multipart: "file", and "providerId" when the city imports
// for a provider): upload and check an attendance sheet, as the page's form does, for scripts and
// the benchmark (src/features/imports/route-handlers.ts).
export const dynamic = "force-dynamic";

export const POST = importUploadHandler("trainings.attendance", (upload, form) => {
  const provider = form?.get("providerId");
  return createAttendanceImport(upload, typeof provider === "string" && provider ? provider : null);
});
