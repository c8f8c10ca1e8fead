import { checkDatabase } from "@/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const db = await checkDatabase();
  return Response.json({ status: db ? "ok" : "degraded", database: db }, { status: db ? 200 : 503 });
}
