// Whether `npm start` writes the demo city (with its published password) into the database.
// Into the embedded database by default; into a database named by DATABASE_URL only when
// SEED_DEMO=true says so explicitly: an operator pointing the portal at a real database must never
// get demo accounts there by accident (issue 10, hole 2). Either way only into an empty database.

export type TDemoSeedDecision = { seed: true } | { seed: false; why: "disabled" | "externalDatabase" };

/** `seedDemoEnv`: the SEED_DEMO value as parsed (true / false), or undefined when unset. */
export function demoSeedDecision(opts: { externalDatabase: boolean; seedDemoEnv: boolean | undefined }): TDemoSeedDecision {
  if (opts.seedDemoEnv === false) return { seed: false, why: "disabled" };
  if (opts.externalDatabase && opts.seedDemoEnv !== true) return { seed: false, why: "externalDatabase" };
  return { seed: true };
}
