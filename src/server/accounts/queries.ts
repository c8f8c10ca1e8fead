import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { userScope } from "@/server/authz/scope";
import { isRole, scopeOf, type TRole } from "@/domain/authz/matrix";
import type { TCurrentUser } from "@/server/auth/session";
import { toPage } from "@/lib/pagination";

const PAGE_SIZE = 20;

export type TUserFilter = { q?: string; role?: string; status?: "active" | "disabled" | "pending" | ""; page: number };

const listSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  passwordHash: true,
  lastSignInAt: true,
  createdAt: true,
  region: { select: { name: true, nameHant: true, nameEn: true } },
  organization: { select: { name: true, nameHant: true, nameEn: true } },
  practitioner: { select: { name: true } },
} satisfies Prisma.UserSelect;

export async function listUsers(user: TCurrentUser, filter: TUserFilter) {
  const where: Prisma.UserWhereInput = { AND: [userScope(user, "users.read")] };
  const and = where.AND as Prisma.UserWhereInput[];
  const q = filter.q?.trim();
  if (q) and.push({ OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] });
  if (isRole(filter.role)) and.push({ role: filter.role });
  if (filter.status === "disabled") and.push({ disabledAt: { not: null } });
  if (filter.status === "active") and.push({ disabledAt: null, passwordHash: { not: null } });
  if (filter.status === "pending") and.push({ disabledAt: null, passwordHash: null });
  const [rows, total] = await Promise.all([
    prisma.user.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (filter.page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: listSelect }),
    prisma.user.count({ where }),
  ]);
  // The hash never leaves this module: only whether one is set.
  const items = rows.map(({ passwordHash, ...rest }) => ({ ...rest, role: rest.role as TRole, hasPassword: passwordHash !== null }));
  return toPage(items, total, filter.page, PAGE_SIZE);
}

export async function getUserForEdit(user: TCurrentUser, id: string) {
  const row = await prisma.user.findFirst({
    where: { AND: [userScope(user, "users.read"), { id }] },
    select: { ...listSelect, regionId: true, organizationId: true, practitionerId: true, version: true, locale: true },
  });
  if (!row) return null;
  const { passwordHash, ...rest } = row;
  return { ...rest, role: rest.role as TRole, hasPassword: passwordHash !== null };
}

/** Options for the scope pickers of the user form. */
export async function scopeOptions(user: TCurrentUser) {
  if (scopeOf(user.role, "users.update") !== "city") return { districts: [], departments: [], agencies: [], evaluationBodies: [], trainingProviders: [], practitioners: [] };
  const name = { id: true, name: true, nameHant: true, nameEn: true } as const;
  const [districts, departments, agencies, evaluationBodies, trainingProviders, practitioners] = await Promise.all([
    prisma.region.findMany({ where: { level: "DISTRICT" }, orderBy: { code: "asc" }, select: name }),
    prisma.organization.findMany({ where: { kind: "GOVERNMENT_DEPARTMENT" }, orderBy: [{ adminLevel: "asc" }, { name: "asc" }], select: name }),
    prisma.organization.findMany({ where: { kind: "AGENCY" }, orderBy: { name: "asc" }, select: name }),
    prisma.organization.findMany({ where: { kind: "EVALUATION_BODY" }, orderBy: { name: "asc" }, select: name }),
    prisma.organization.findMany({ where: { kind: "TRAINING_PROVIDER" }, orderBy: { name: "asc" }, select: name }),
    prisma.practitioner.findMany({ orderBy: { name: "asc" }, take: 500, select: { id: true, name: true, user: { select: { id: true } } } }),
  ]);
  return { districts, departments, agencies, evaluationBodies, trainingProviders, practitioners };
}
