// Times the purchased-services dashboard's money breakdown (its heaviest aggregate: contracts,
// milestones and disbursements) without the page or the cache, sequentially, for the city, a
// district and a department:
//   DATABASE_URL=… npx tsx --conditions=react-server scripts/bench/services-query.ts [runs=20]
import { prisma } from "../../src/server/db";
import { callInScope, moneyBreakdown, servicesScopeOf } from "../../src/server/services-dashboard/money";

const RUNS = Number(process.argv[2] ?? 20);

async function main() {
  for (const email of ["city@demo.local", "district@demo.local", "dept@demo.local"]) {
    const u = await prisma.user.findUniqueOrThrow({ where: { email }, select: { role: true, organizationId: true, region: { select: { path: true } } } });
    const scope = servicesScopeOf({ role: u.role, regionPath: u.region?.path ?? null, organizationId: u.organizationId })!;
    await moneyBreakdown(callInScope(scope)); // warm-up
    const times: number[] = [];
    let contracts = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      contracts = (await moneyBreakdown(callInScope(scope))).total.contracts;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const q = (x: number) => times[Math.min(times.length - 1, Math.ceil(x * times.length) - 1)]!.toFixed(1);
    console.log(`${email}: ${contracts} contracts; ${RUNS} sequential runs: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms`);
  }
  await prisma.$disconnect();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
