import "server-only";
import { prisma } from "@/server/db";
import { namedSelect } from "@/server/select";
import { scopeOf, type TPrincipal } from "@/domain/authz/matrix";
import { membershipScope, organizationScope, postScope } from "@/server/authz/scope";
import { postFillRows, type TPostFillRow } from "@/server/posts/fill";
import { summariseFill, type TFillSummary } from "@/domain/posts/post-maths";
import { integrityFlags, type TIntegrityFlag } from "@/domain/agencies/integrity";
import { isoDay as iso, todayInCity } from "@/domain/common/calendar-day";
import { PRACTICE_FIELDS } from "@/domain/practitioners/enums";
import { POST_KINDS } from "@/domain/posts/enums";
import { AGENCY_RATING_LEVELS, AGENCY_STATUSES, FLAGGING_INTEGRITY_KINDS } from "@/domain/agencies/enums";

// The workforce dashboard (issue 4 item 7; plan.md T3, T4, T6): staffing of the nine practice
// fields, post fill rates by kind and by area, ratio compliance, agencies by status and rating,
// flagged and private agencies, association members. Post figures come from postFillRows (the
// one definition of "filled") summed by summariseFill; the rest are SQL aggregates. Every query
// carries the caller's scope for dashboard.workforce.read.

const ACTION = "dashboard.workforce.read" as const;

type TNamed = { id: string; name: string; nameHant: string | null; nameEn: string | null };
export type TFieldRow = TFillSummary & { field: (typeof PRACTICE_FIELDS)[number] };
export type TKindRow = TFillSummary & { kind: (typeof POST_KINDS)[number] };
/** An area row: a district (city view) or a street (district view); `region` null = posts held at the scope's own level. */
export type TAreaRow = TFillSummary & { region: TNamed | null };
export type TFlaggedAgency = TNamed & { district: TNamed | null; flags: TIntegrityFlag[] };

export type TWorkforceDashboard = {
  today: string;
  scope: "city" | "district";
  posts: { total: TFillSummary; byField: TFieldRow[]; byKind: TKindRow[]; byArea: TAreaRow[] };
  agencies: {
    total: number;
    byStatus: { status: (typeof AGENCY_STATUSES)[number]; count: number }[];
    /** Active agencies by their current rating; "NONE" = not rated. */
    byRating: { rating: (typeof AGENCY_RATING_LEVELS)[number] | "NONE"; count: number }[];
    active: number;
    privateActive: number;
    flagged: TFlaggedAgency[];
  };
  members: { agencies: number; practitioners: number };
};

/** The path segment (0-based, of "/city/district/street/…") that names the area one level below the scope. */
function areaIndex(principal: TPrincipal): number {
  return scopeOf(principal.role, ACTION) === "district" && principal.regionPath ? principal.regionPath.split("/").length - 1 : 2;
}

async function areaRows(principal: TPrincipal, rows: TPostFillRow[]): Promise<TAreaRow[]> {
  const scope = scopeOf(principal.role, ACTION);
  if (!scope) return [];
  const index = areaIndex(principal);
  const groups = new Map<string | null, TPostFillRow[]>();
  for (const r of rows) {
    const key = r.regionPath.split("/")[index] || null;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  // Every district (or street) in scope is listed, with nothing required where there are no posts yet.
  const regions = await prisma.region.findMany({
    where: scope === "district" ? { level: "STREET", path: { startsWith: principal.regionPath ?? "\u0000" } } : { level: "DISTRICT" },
    select: namedSelect,
    orderBy: { code: "asc" },
  });
  const known = new Set(regions.map((r) => r.id));
  const out: TAreaRow[] = regions.map((region) => ({ region, ...summariseFill(groups.get(region.id) ?? []) }));
  // Posts at the scope's own level (city bureaus; a district's own departments and institutions).
  const direct = [...groups].filter(([k]) => k === null || !known.has(k)).flatMap(([, v]) => v);
  if (direct.length) out.push({ region: null, ...summariseFill(direct) });
  return out;
}

async function agencyFigures(principal: TPrincipal, today: Date): Promise<TWorkforceDashboard["agencies"]> {
  const inScope = organizationScope(principal, ACTION);
  const agencies = { AND: [inScope, { kind: "AGENCY" as const }] };
  const [byStatus, byRating, privateActive, inForce] = await Promise.all([
    prisma.organization.groupBy({ by: ["agencyStatus"], where: agencies, _count: { _all: true } }),
    prisma.organization.groupBy({ by: ["rating"], where: { AND: [agencies, { agencyStatus: "ACTIVE" }] }, _count: { _all: true } }),
    prisma.organization.count({ where: { AND: [agencies, { agencyStatus: "ACTIVE", isPrivate: true }] } }),
    prisma.integrityRecord.findMany({
      where: {
        kind: { in: [...FLAGGING_INTEGRITY_KINDS] },
        occurredOn: { lte: today },
        OR: [{ endsOn: null }, { endsOn: { gt: today } }],
        organization: agencies,
      },
      select: { kind: true, occurredOn: true, endsOn: true, organization: { select: { ...namedSelect, region: { select: { path: true } } } } },
    }),
  ]);
  const statusCount = new Map(byStatus.map((r) => [r.agencyStatus, r._count._all]));
  const ratingCount = new Map(byRating.map((r) => [r.rating ?? "NONE", r._count._all]));

  const byOrg = new Map<string, { org: (typeof inForce)[number]["organization"]; entries: typeof inForce }>();
  for (const r of inForce) {
    const hit = byOrg.get(r.organization.id) ?? { org: r.organization, entries: [] };
    hit.entries.push(r);
    byOrg.set(r.organization.id, hit);
  }
  const districtIds = [...new Set([...byOrg.values()].map((x) => x.org.region.path.split("/")[2]).filter((x): x is string => !!x))];
  const districts = new Map((await prisma.region.findMany({ where: { id: { in: districtIds }, level: "DISTRICT" }, select: namedSelect })).map((d) => [d.id, d]));
  const flagged = [...byOrg.values()]
    .map(({ org, entries }) => ({
      id: org.id,
      name: org.name,
      nameHant: org.nameHant,
      nameEn: org.nameEn,
      district: districts.get(org.region.path.split("/")[2] ?? "") ?? null,
      flags: integrityFlags(entries, today),
    }))
    .filter((a) => a.flags.length > 0)
    .sort((a, b) => Number(b.flags.includes("BLACKLIST")) - Number(a.flags.includes("BLACKLIST")) || a.name.localeCompare(b.name, "zh-Hans"));

  return {
    total: byStatus.reduce((n, r) => n + r._count._all, 0),
    byStatus: AGENCY_STATUSES.map((status) => ({ status, count: statusCount.get(status) ?? 0 })),
    byRating: [...[...AGENCY_RATING_LEVELS].reverse(), "NONE" as const].map((rating) => ({ rating, count: ratingCount.get(rating) ?? 0 })),
    active: statusCount.get("ACTIVE") ?? 0,
    privateActive,
    flagged,
  };
}

/** The workforce dashboard for `principal`'s scope (the city, or their district) as of `now`. */
export async function getWorkforceDashboard(principal: TPrincipal, now = new Date()): Promise<TWorkforceDashboard> {
  const today = todayInCity(now);
  const members = membershipScope(principal, ACTION);
  const [rows, agencies, memberAgencies, memberPractitioners] = await Promise.all([
    postFillRows(postScope(principal, ACTION), today),
    agencyFigures(principal, today),
    prisma.associationMembership.count({ where: { AND: [members, { memberType: "AGENCY", status: "ACTIVE" }] } }),
    prisma.associationMembership.count({ where: { AND: [members, { memberType: "PRACTITIONER", status: "ACTIVE" }] } }),
  ]);
  return {
    today: iso(today),
    scope: scopeOf(principal.role, ACTION) === "city" ? "city" : "district",
    posts: {
      total: summariseFill(rows),
      byField: PRACTICE_FIELDS.map((field) => ({ field, ...summariseFill(rows.filter((r) => r.practiceField === field)) })),
      byKind: POST_KINDS.map((kind) => ({ kind, ...summariseFill(rows.filter((r) => r.kind === kind)) })),
      byArea: await areaRows(principal, rows),
    },
    agencies,
    members: { agencies: memberAgencies, practitioners: memberPractitioners },
  };
}
