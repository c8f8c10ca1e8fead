import { startEmbeddedPostgres } from "./lib/embedded-db";
const db = await startEmbeddedPostgres({ dataDir: "/tmp/pg-bench-tmp-data", port: 55447, database: "swp", ephemeral: true });
console.log("URL", db.url);
process.on("SIGTERM", () => void db.stop().then(() => process.exit(0)));
setInterval(() => {}, 1 << 30);
