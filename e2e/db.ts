// The test database, for specs that build their own records (scripts/e2e.ts passes its URL as
// E2E_DATABASE_URL). One small pool per Playwright worker: the server needs the connections more.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../src/generated/prisma/client";

export type TDb = PrismaClient;

export function connectTestDatabase(): TDb {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) {
    throw new Error(
      "E2E_DATABASE_URL is not set: run the e2e tests with `npm run test:e2e` (scripts/e2e.ts), which starts the database and passes it on. " +
        "Against a portal you started yourself, set E2E_DATABASE_URL to its database and E2E_AUTH_SECRET to its AUTH_SECRET.",
    );
  }
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
}
