import "server-only";
import { postListSelect, postParticularsSelect } from "./select";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { namedSelect } from "@/server/select";
import { organizationScope, postScope, practitionerScope, regionScope } from "@/server/authz/scope";
import { scopeOf } from "@/domain/authz/matrix";
import type { TCurrentUser } from "@/server/auth/session";
import { districtNames } from "@/server/practitioners/queries";
import { districtIdOf } from "@/server/practitioners/where";
import { toPage } from "@/lib/pagination";
import { todayInCity } from "@/domain/common/calendar-day";
import { summariseFill, type TFillSummary } from "@/domain/posts/post-maths";
import { PRACTICE_FIELDS } from "@/domain/practitioners/enums";
import type { TPostListFilter } from "@/domain/posts/list-filter";
import type { TPostKind } from "@/domain/posts/enums";
import { orgKindsFor } from "@/domain/posts/rules";
import type { TOrganizationKind } from "@/server/organizations/queries";
import { postFillRows, type TPostFillRow } from "./fill";
import { countingFor } from "@/server/practitioners/counting";
import { meetsLevel } from "@/domain/practitioners/qualification";

export const POSTS_PAGE_SIZE = 25;

/** Open on `day`: not closed, or closed only later. The same test postFillRows applies. */
export const openOn = (day: Date): Prisma.PostWhereInput => ({ OR: [{ closedOn: null }, { closedOn: { gt: day } }] });
const closedBy = (day: Date): Prisma.PostWhereInput => ({ closedOn: { lte: day } });

/** The caller's read scope AND the list filters (not the open/closed status, not "understaffed"). */
export async function postFilterWhere(user: TCurrentUser, f: TPostListFilter): Promise<Prisma.PostWhereInput> {
  const and: Prisma.PostWhereInput[] = [postScope(user, "posts.read")];
  if (f.q) and.push({ title: { contains: f.q, mode: "insensitive" } });
  if (f.kind) and.push({ kind: f.kind });
  if (f.field) and.push({ practiceField: f.field });
  if (f.org) and.push({ organizationId: f.org });
  if (f.district) {
    const district = await prisma.region.findFirst({ where: { id: f.district, level: "DISTRICT" }, select: { path: true } });
    and.push(district ? { regionPath: { startsWith: district.path } } : { id: { in: [] } });
  }
  return { AND: and };
}

const listOrder: Prisma.PostOrderByWithRelationInput[] = [{ organization: { name: "asc" } }, { title: "asc" }, { id: "asc" }];

/** Fill of each post of a page, today; closed posts have none. */
async function fillOf(user: TCurrentUser, ids: string[], day: Date) {
  const rows = ids.length ? await postFillRows({ AND: [postScope(user, "posts.read"), { id: { in: ids } }] }, day) : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The list view's where-clause: the filters, open or closed, and "understaffed" (today's holders). */
async function postListWhere(user: TCurrentUser, f: TPostListFilter, day: Date): Promise<Prisma.PostWhereInput> {
  const base = await postFilterWhere(user, f);
  if (f.status === "open" && f.understaffed) {
    // "Understaffed" depends on today's holders, which SQL filters cannot express through Prisma:
    // take the scope's fill rows (one query) and page through the short ones.
    const short = (await postFillRows(base, day)).filter((r) => r.filled < r.required).map((r) => r.id);
    return { AND: [base, { id: { in: short } }] };
  }
  return { AND: [base, f.status === "open" ? openOn(day) : closedBy(day)] };
}

/** A page of the list view with each post's district and today's fill. */
async function postListRows(user: TCurrentUser, where: Prisma.PostWhereInput, skip: number, take: number, day: Date) {
  const rows = await prisma.post.findMany({ where, orderBy: listOrder, skip, take, select: postListSelect });
  const [fills, districts] = await Promise.all([fillOf(user, rows.map((r) => r.id), day), districtNames(rows.map((r) => r.regionPath))]);
  return rows.map(({ regionPath, ...r }) => ({
    ...r,
    district: districts.get(districtIdOf(regionPath) ?? "") ?? null,
    fill: fills.get(r.id) ?? null,
  }));
}

export async function listPosts(user: TCurrentUser, f: TPostListFilter) {
  const day = todayInCity();
  const where = await postListWhere(user, f, day);
  const [items, total] = await Promise.all([postListRows(user, where, (f.page - 1) * POSTS_PAGE_SIZE, POSTS_PAGE_SIZE, day), prisma.post.count({ where })]);
  return toPage(items, total, f.page, POSTS_PAGE_SIZE);
}

/** Every post of the list view for a filter, in pages (the export). */
export async function postListForExport(user: TCurrentUser, f: TPostListFilter) {
  const day = todayInCity();
  const where = await postListWhere(user, f, day);
  return { count: () => prisma.post.count({ where }), page: (skip: number, take: number) => postListRows(user, where, skip, take, day) };
}
export type TPostListRow = Awaited<ReturnType<typeof listPosts>>["items"][number];

// ─── Summaries (by practice field, organisation, district) ───────────────────────────────

export type TFillFigures = TFillSummary & {
  /** Ratio posts among them, and how many of those reach their requirement. */
  ratioPosts: number;
  ratioCompliant: number;
  ratioComplianceRate: number | null;
};

export function fillFigures(rows: readonly TPostFillRow[]): TFillFigures {
  const all = summariseFill(rows);
  const ratio = summariseFill(rows.filter((r) => r.kind === "RATIO"));
  return { ...all, ratioPosts: ratio.posts, ratioCompliant: ratio.compliant, ratioComplianceRate: ratio.complianceRate };
}

function groupBy<K>(rows: readonly TPostFillRow[], key: (r: TPostFillRow) => K): Map<K, TPostFillRow[]> {
  const out = new Map<K, TPostFillRow[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

type TNamed = { name: string; nameHant: string | null; nameEn: string | null };

/** Open posts matching the filters, today, summed by practice field: all nine fields, zeros included. */
export async function summaryByField(user: TCurrentUser, f: TPostListFilter) {
  const rows = await postFillRows(await postFilterWhere(user, f), todayInCity());
  const groups = groupBy(rows, (r) => r.practiceField);
  return {
    rows: PRACTICE_FIELDS.map((field) => ({ field, ...fillFigures(groups.get(field) ?? []) })),
    total: fillFigures(rows),
  };
}

/** By district; posts of city-level organisations form their own row (district null). */
export async function summaryByDistrict(user: TCurrentUser, f: TPostListFilter) {
  const rows = await postFillRows(await postFilterWhere(user, f), todayInCity());
  const groups = groupBy(rows, (r) => districtIdOf(r.regionPath) ?? null);
  const ids = [...groups.keys()].filter((k): k is string => !!k);
  const regions = ids.length ? await prisma.region.findMany({ where: { id: { in: ids }, level: "DISTRICT" }, select: { ...namedSelect, code: true } }) : [];
  const byId = new Map(regions.map((r) => [r.id, r]));
  const out = [...groups.entries()].map(([id, list]) => ({ district: id ? ((byId.get(id) as (TNamed & { code: string }) | undefined) ?? null) : null, key: id ?? "city", ...fillFigures(list) }));
  out.sort((a, b) => (a.district?.code ?? "").localeCompare(b.district?.code ?? ""));
  return { rows: out, total: fillFigures(rows) };
}

/** By organisation, a page at a time (a city has many). */
export async function summaryByOrganization(user: TCurrentUser, f: TPostListFilter) {
  const rows = await postFillRows(await postFilterWhere(user, f), todayInCity());
  const groups = groupBy(rows, (r) => r.organizationId);
  const orgs = groups.size
    ? await prisma.organization.findMany({ where: { id: { in: [...groups.keys()] } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { ...namedSelect, kind: true } })
    : [];
  const page = orgs.slice((f.page - 1) * POSTS_PAGE_SIZE, f.page * POSTS_PAGE_SIZE).map((o) => ({ organization: o, ...fillFigures(groups.get(o.id) ?? []) }));
  return { page: toPage(page, orgs.length, f.page, POSTS_PAGE_SIZE), total: fillFigures(rows) };
}

/** The summary a posts view shows (every view but the list): its rows and the total over all of them. */
export async function postSummary(user: TCurrentUser, f: TPostListFilter) {
  if (f.view === "field") return { view: "field" as const, ...(await summaryByField(user, f)) };
  if (f.view === "district") return { view: "district" as const, ...(await summaryByDistrict(user, f)) };
  return { view: "organization" as const, ...(await summaryByOrganization(user, f)) };
}
export type TPostSummary = Awaited<ReturnType<typeof postSummary>>;

// ─── One post ─────────────────────────────────────────────────────────────────────────────

const detailSelect = {
  ...postParticularsSelect,
  organization: { select: { ...namedSelect, kind: true, departmentType: true, adminLevel: true, supervisingDepartmentId: true } },
  regionPath: true,
  createdAt: true,
  updatedAt: true,
  assignments: {
    orderBy: [{ from: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      from: true,
      to: true,
      note: true,
      practitioner: { select: { id: true, name: true, isQualified: true, qualificationLevel: true, status: true } },
    },
  },
} satisfies Prisma.PostSelect;

/** One post the caller may read (or manage), or null: outside the scope looks the same as missing. */
export async function getPost(user: TCurrentUser, id: string, action: "posts.read" | "posts.manage" = "posts.read") {
  if (!id || id.length > 64) return null;
  const post = await prisma.post.findFirst({ where: { AND: [postScope(user, action), { id }] }, select: detailSelect });
  if (!post) return null;
  const day = todayInCity();
  const holderIds = [...new Set(post.assignments.map((a) => a.practitioner.id))];
  const openHolderIds = [...new Set(post.assignments.filter((a) => a.to === null || a.to.getTime() > day.getTime()).map((a) => a.practitioner.id))];
  const [fill, readable, districts, counting] = await Promise.all([
    postFillRows({ id: post.id }, day).then((rows) => rows[0] ?? null),
    holderIds.length
      ? prisma.practitioner.findMany({ where: { AND: [practitionerScope(user, "practitioners.read"), { id: { in: holderIds } }] }, select: { id: true } })
      : Promise.resolve([]),
    districtNames([post.regionPath]),
    countingFor(openHolderIds),
  ]);
  const readableIds = new Set(readable.map((r) => r.id));
  const assignments = post.assignments.map((a) => ({
    ...a,
    current: a.from.getTime() <= day.getTime() && (a.to === null || a.to.getTime() > day.getTime()),
    /** Not ended yet (current, or starting later). */
    open: a.to === null || a.to.getTime() > day.getTime(),
    canOpenPractitioner: readableIds.has(a.practitioner.id),
    /** Whether (and why) the holder counts: for the holders still on the post. */
    counting: counting.get(a.practitioner.id) ?? null,
    /** The holder's qualification is below what the post requires. */
    belowRequirement: !meetsLevel(a.practitioner.qualificationLevel, post.requiredQualification),
  }));
  return { ...post, assignments, fill, district: districts.get(districtIdOf(post.regionPath) ?? "") ?? null, today: day };
}
export type TPostDetail = NonNullable<Awaited<ReturnType<typeof getPost>>>;

// ─── Options for forms and filters ───────────────────────────────────────────────────────

/** Organisations that may hold a post of `kind` and lie in the caller's manage scope. */
export async function postOrganizationOptions(user: TCurrentUser, kind: TPostKind) {
  return prisma.organization.findMany({
    where: { AND: [organizationScope(user, "posts.manage"), { kind: { in: [...orgKindsFor(kind)] as TOrganizationKind[] } }] },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { ...namedSelect, kind: true, departmentType: true, adminLevel: true },
    take: 2000,
  });
}

/** Which kinds of post the caller can create (they hold an organisation of the right kind in scope). */
export async function creatableKinds(user: TCurrentUser): Promise<TPostKind[]> {
  if (!scopeOf(user.role, "posts.manage")) return [];
  const count = (kind: TPostKind) =>
    prisma.organization.count({ where: { AND: [organizationScope(user, "posts.manage"), { kind: { in: [...orgKindsFor(kind)] as TOrganizationKind[] } }] } });
  const [dept, ratio] = await Promise.all([count("DEPARTMENT"), count("RATIO")]);
  return [...(dept > 0 ? (["DEPARTMENT"] as const) : []), ...(ratio > 0 ? (["RATIO"] as const) : [])];
}

/**
 * Active practitioners the caller may read, by name, who do not already hold this post: for a
 * department officer, the staff of their department and the organisations it supervises.
 */
/** Who may be assigned to the post: active, in the caller's scope, named like `q`, not holding it now. */
export function assignableWhere(user: TCurrentUser, postId: string, q: string, day = todayInCity()): Prisma.PractitionerWhereInput {
  return {
    AND: [
      practitionerScope(user, "practitioners.read"),
      { status: "ACTIVE" },
      q ? { name: { contains: q, mode: "insensitive" } } : {},
      { postAssignments: { none: { postId, OR: [{ to: null }, { to: { gt: day } }] } } },
    ],
  };
}

export async function assignablePractitioners(user: TCurrentUser, postId: string, q: string) {
  return prisma.practitioner.findMany({
    where: assignableWhere(user, postId, q),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 30,
    select: { id: true, name: true, isQualified: true, qualificationLevel: true, organization: { select: namedSelect } },
  });
}

/** Filter options of the posts page, within the caller's read scope. */
export async function postFilterOptions(user: TCurrentUser) {
  const city = scopeOf(user.role, "posts.read") === "city";
  const [districts, organizations] = await Promise.all([
    city ? prisma.region.findMany({ where: { AND: [regionScope(user, "regions.read"), { level: "DISTRICT" }] }, orderBy: { code: "asc" }, select: namedSelect }) : Promise.resolve([]),
    prisma.organization.findMany({ where: { posts: { some: postScope(user, "posts.read") } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: namedSelect, take: 1000 }),
  ]);
  return { districts, organizations };
}
