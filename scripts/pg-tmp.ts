import { startEmbeddedPostgres } from "./lib/embedded-db";
const db = await startEmbeddedPostgres({ dataDir: "/tmp/dev-pg", port: 55440, database: "swp", ephemeral: true });
console.log("URL", db.url);
process.on("SIGTERM", () => void db.stop().then(() => process.exit(0)));
setInterval(() => {}, 1 << 30);
