// Demo data for `npm start` (and `npm run db:seed`): only ever into an empty database.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../src/generated/prisma/client";
import { hasData, seedDemoData } from "../src/server/seed/demo";

export async function seedDemo(databaseUrl: string): Promise<{ seeded: boolean }> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) });
  try {
    if (await hasData(db)) return { seeded: false };
    await seedDemoData(db);
    return { seeded: true };
  } finally {
    await db.$disconnect();
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop() ?? "");
if (isMain) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. `npm start` seeds the embedded database by itself.");
    process.exit(1);
  }
  seedDemo(url).then(
    (r) => {
      console.log(r.seeded ? "Demo data seeded." : "Database already holds data; nothing seeded.");
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
