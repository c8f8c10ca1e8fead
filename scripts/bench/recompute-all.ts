// Times the "recompute everyone" data task that a migration changing the counting rule asks for
// (src/server/maintenance/data-tasks.ts; 20261206063940_qualification_model is one), on the
// database DATABASE_URL points at, for the first N practitioners in id order (default: all):
//   DATABASE_URL=… AUTH_SECRET=… ID_ENCRYPTION_KEY=… npx tsx --conditions=react-server scripts/bench/recompute-all.ts [N]
// (--conditions=react-server lets `import "server-only"` load outside Next.) It rewrites the
// derived facts with the same rule, so running it on a benchmark database changes nothing else.
import { prisma } from "../../src/server/db";
import { recomputePractitioner } from "../../src/server/practitioners/derived-facts";

const LIMIT = process.argv[2] ? Number(process.argv[2]) : Infinity;

async function main() {
  const total = await prisma.practitioner.count();
  const n = Math.min(total, LIMIT);
  const ids = await prisma.practitioner.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: n });
  const t0 = performance.now();
  for (const { id } of ids) await prisma.$transaction((tx) => recomputePractitioner(tx, id));
  const s = (performance.now() - t0) / 1000;
  console.log(`${n} of ${total} practitioners recomputed in ${s.toFixed(1)} s (${((s / n) * 1000).toFixed(2)} ms each; all ${total}: ≈ ${((s / n) * total / 60).toFixed(1)} min)`);
  await prisma.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
