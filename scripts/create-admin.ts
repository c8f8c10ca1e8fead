// The first city administrator of a portal started without demo data (or another one later):
//   DATABASE_URL=… npx tsx scripts/create-admin.ts <email> <name> [baseUrl=http://localhost:3000]
// Creates the account without a password and prints a one-time link (valid as long as the portal's
// set-password links) where that person chooses it. With `npm start`'s embedded database, run it
// while the portal runs, with
//   DATABASE_URL=postgresql://postgres:$(cat .data/postgres/swp-superuser.password)@127.0.0.1:54329/swp
import { createHash, randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../src/generated/prisma/client";
import { PASSWORD_TOKEN_TTL_MS } from "../src/domain/accounts/session-rules";

const [email, name, base = "http://localhost:3000"] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
if (!email || !name || !/^[^@\s]+@[^@\s]+$/.test(email)) {
  console.error("Usage: DATABASE_URL=… npx tsx scripts/create-admin.ts <email> <name> [baseUrl]");
  process.exit(2);
}
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(2);
}

const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }) });
try {
  const existing = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  if (existing) {
    console.error(`${email} already has an account: reset its password from the portal instead.`);
    process.exit(1);
  }
  const token = randomBytes(32).toString("base64url");
  const tokenHash = createHash("sha256").update(token).digest("hex");
  const user = await db.$transaction(async (tx) => {
    const u = await tx.user.create({ data: { email: email.toLowerCase(), name, role: "CITY_ADMIN" }, select: { id: true } });
    await tx.passwordToken.create({ data: { userId: u.id, tokenHash, purpose: "SET_PASSWORD", expiresAt: new Date(Date.now() + PASSWORD_TOKEN_TTL_MS) } });
    await tx.auditEvent.create({ data: { action: "users.create", entity: "User", entityId: u.id, after: { email: email.toLowerCase(), name, role: "CITY_ADMIN" }, userAgent: "system:scripts/create-admin.ts" } });
    return u;
  });
  console.log(`City administrator ${email} created (${user.id}).`);
  console.log(`Send this one-time link to them (valid ${PASSWORD_TOKEN_TTL_MS / 3_600_000} h) to choose a password:`);
  console.log(`  ${base.replace(/\/$/, "")}/set-password?token=${encodeURIComponent(token)}`);
} finally {
  await db.$disconnect();
}
