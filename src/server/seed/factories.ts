// Factories shared by the demo seed and the tests. They take the Prisma client as an
// argument (seed scripts and tests build their own), and fill sensible defaults.
import { hash } from "@node-rs/argon2";
import type { PrismaClient, Prisma } from "@/generated/prisma/client";

type TDb = PrismaClient | Prisma.TransactionClient;

let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

export async function makeRegion(db: TDb, data: { level: "CITY" | "DISTRICT" | "STREET" | "COMMUNITY"; name?: string; nameHant?: string | null; nameEn?: string | null; code?: string; parent?: { id: string; path: string } | null }) {
  const id = `rg_${next()}`;
  const path = `${data.parent?.path ?? "/"}${id}/`;
  return db.region.create({
    data: { id, code: data.code ?? `R${next()}`, level: data.level, name: data.name ?? `区划${id}`, nameHant: data.nameHant ?? null, nameEn: data.nameEn ?? null, parentId: data.parent?.id ?? null, path },
    select: { id: true, path: true, code: true, level: true, name: true },
  });
}

export async function makeOrganization(
  db: TDb,
  data: Partial<Prisma.OrganizationUncheckedCreateInput> & { regionId: string; kind: Prisma.OrganizationUncheckedCreateInput["kind"] },
) {
  // An agency is active unless the caller says otherwise (the access system's default for registered agencies).
  const agency = data.kind === "AGENCY" ? { agencyStatus: "ACTIVE" as const, agencyStatusSince: new Date(Date.UTC(2024, 0, 1)) } : {};
  return db.organization.create({
    data: { name: `单位${next()}`, ...agency, ...data },
    select: { id: true, name: true, kind: true, regionId: true },
  });
}

/** With an employer, also opens the practitioner's employment record there (from hireDate, entryDate or 2024-01-01). */
export async function makePractitioner(db: TDb, data: Partial<Prisma.PractitionerUncheckedCreateInput> = {}) {
  const p = await db.practitioner.create({ data: { name: `社工${next()}`, ...data }, select: { id: true, name: true, organizationId: true } });
  if (p.organizationId) {
    const from = (data.hireDate ?? data.entryDate ?? new Date(Date.UTC(2024, 0, 1))) as Date | string;
    await db.employmentRecord.create({ data: { practitionerId: p.id, organizationId: p.organizationId, from: new Date(from) } });
  }
  return p;
}

// Cheaper argon2 settings are NOT used here: tests sign in through the real verify path.
const HASH_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const hashCache = new Map<string, Promise<string>>();
export function passwordHashFor(password: string): Promise<string> {
  let h = hashCache.get(password);
  if (!h) {
    h = hash(password, HASH_OPTIONS);
    hashCache.set(password, h);
  }
  return h;
}

export async function makeUser(
  db: TDb,
  data: Partial<Omit<Prisma.UserUncheckedCreateInput, "passwordHash">> & { role: Prisma.UserUncheckedCreateInput["role"]; password?: string | null },
) {
  const { password = "correct-horse-battery-staple", ...rest } = data;
  return db.user.create({
    data: { email: `user-${next()}@test.local`, name: `用户${next()}`, passwordHash: password ? await passwordHashFor(password) : null, ...rest },
    select: { id: true, email: true, name: true, role: true, regionId: true, organizationId: true, practitionerId: true, sessionVersion: true, version: true },
  });
}
