import { describe, expect, it } from "vitest";
import { demoSeedDecision } from "../../scripts/lib/demo-seed";

// Issue 10, hole 2: `npm start` seeded the demo city (published password) into any empty database,
// an external DATABASE_URL included. Now only into the embedded one, unless SEED_DEMO=true says so.

describe("whether npm start seeds the demo city", () => {
  it("the embedded database: yes unless SEED_DEMO=false", () => {
    expect(demoSeedDecision({ externalDatabase: false, seedDemoEnv: undefined })).toEqual({ seed: true });
    expect(demoSeedDecision({ externalDatabase: false, seedDemoEnv: true })).toEqual({ seed: true });
    expect(demoSeedDecision({ externalDatabase: false, seedDemoEnv: false })).toEqual({ seed: false, why: "disabled" });
  });

  it("a DATABASE_URL: only with SEED_DEMO=true set explicitly", () => {
    expect(demoSeedDecision({ externalDatabase: true, seedDemoEnv: undefined })).toEqual({ seed: false, why: "externalDatabase" });
    expect(demoSeedDecision({ externalDatabase: true, seedDemoEnv: false })).toEqual({ seed: false, why: "disabled" });
    expect(demoSeedDecision({ externalDatabase: true, seedDemoEnv: true })).toEqual({ seed: true });
  });
});
