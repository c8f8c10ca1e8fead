// Next.js calls register() once per server instance on start.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    const { startMaintenanceSchedule } = await import("./server/credentials/schedule");
    startMaintenanceSchedule();
  } catch (error) {
    // Bad configuration or an unreachable database must not take the portal down with it.
    console.warn("[maintenance] not started:", error instanceof Error ? error.message : error);
  }
}
