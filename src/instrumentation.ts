// Next.js calls register() once per server instance on start.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    const { startMaintenanceSchedule } = await import("./server/maintenance/schedule");
    startMaintenanceSchedule();
  } catch (error) {
    // Bad configuration or an unreachable database must not take the portal down with it.
    console.warn("[maintenance] not started:", error instanceof Error ? error.message : error);
  }
  try {
    // The background worker for staff imports (pg-boss). It resumes imports a previous process
    // left unfinished; on SIGTERM/SIGINT it stops between chunks (the rest resumes on the next start).
    const { startImportWorkerInBackground } = await import("@/server/staff-import/queue");
    startImportWorkerInBackground();
  } catch (error) {
    console.warn("[imports] worker not started:", error instanceof Error ? error.message : error);
  }
}
