import "dotenv/config";
import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env on its own. process.env (not env()) so that `prisma generate`
// works without a database, e.g. in CI before one exists.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
