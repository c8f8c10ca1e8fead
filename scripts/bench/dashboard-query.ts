// Times the growth dashboard's aggregates without the page or the cache (one request's database
// work), sequentially, for the city administrator and a district officer:
//   DATABASE_URL=… AUTH_SECRET=… ID_ENCRYPTION_KEY=… npx tsx --conditions=react-server scripts/bench/dashboard-query.ts [runs=20]
// (--conditions=react-server lets `import "server-only"` load outside Next.)
import { prisma } from "../../src/server/db";
import { getGrowthDashboard } from "../../src/server/dashboards/growth";

const RUNS = Number(process.argv[2] ?? 20);

async function principal(email: string) {
  const u = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, organizationId: true, region: { select: { path: true } } } });
  return { id: u.id, role: u.role, regionPath: u.region?.path ?? null, organizationId: u.organizationId, practitionerId: null };
}

async function main() {
  for (const email of ["city@demo.local", "district@demo.local"]) {
    const p = await principal(email);
    await getGrowthDashboard(p); // warm-up
    const times: number[] = [];
    let qualified = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      qualified = (await getGrowthDashboard(p)).kpi.qualifiedNow;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const q = (x: number) => times[Math.min(times.length - 1, Math.ceil(x * times.length) - 1)]!.toFixed(1);
    console.log(`${email}: qualified now ${qualified}; ${RUNS} sequential runs: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms`);
  }
  await prisma.$disconnect();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
