// Which organisations hold which kind of post, and the practice field a new post most likely
// belongs to. Pure (used by the client form for its suggestion and by the server for its checks).
import type { TPracticeField } from "@/domain/practitioners/enums";
import type { TPostKind } from "./enums";

/** plan.md P1: department posts sit in government departments (city, district or street level). */
export const DEPARTMENT_POST_ORG_KINDS = ["GOVERNMENT_DEPARTMENT"] as const;
/** plan.md P2: ratio posts are set in welfare institutions, schools, hospitals and communities (and party-member service centres, T3.1). */
export const RATIO_POST_ORG_KINDS = ["WELFARE_INSTITUTION", "SCHOOL", "HOSPITAL", "COMMUNITY", "PARTY_SERVICE_CENTER"] as const;

export function orgKindsFor(kind: TPostKind): readonly string[] {
  return kind === "DEPARTMENT" ? DEPARTMENT_POST_ORG_KINDS : RATIO_POST_ORG_KINDS;
}

/** May an organisation of `orgKind` hold a post of `kind`? */
export function orgFitsPostKind(kind: TPostKind, orgKind: string): boolean {
  return orgKindsFor(kind).includes(orgKind);
}

const BY_ORG_KIND: Partial<Record<string, TPracticeField>> = {
  SCHOOL: "SCHOOLS",
  HOSPITAL: "HOSPITALS",
  WELFARE_INSTITUTION: "WELFARE_INSTITUTIONS",
  COMMUNITY: "PARTY_MASS",
  PARTY_SERVICE_CENTER: "PARTY_MASS",
  PUBLIC_WELFARE_ORG: "SOCIAL_ORGANIZATIONS",
};

// plan.md T3: civil affairs (T3.6), disability (T3.7) and family planning (T3.8) have their own
// fields; the mass organisations (trade union, Youth League, women's federation) do party-mass
// work (T3.1); public security keeps the migrant-population register (T3.9). Education and health
// departments are nearest to schools (T3.3) and hospitals (T3.4). The rest get no suggestion.
const BY_DEPARTMENT: Partial<Record<string, TPracticeField>> = {
  CIVIL_AFFAIRS: "CIVIL_AFFAIRS",
  DISABLED_PERSONS_FEDERATION: "DISABILITY",
  POPULATION_FAMILY_PLANNING: "FAMILY_PLANNING",
  PUBLIC_SECURITY: "MIGRANTS",
  EDUCATION: "SCHOOLS",
  HEALTH: "HOSPITALS",
  TRADE_UNION: "PARTY_MASS",
  YOUTH_LEAGUE: "PARTY_MASS",
  WOMENS_FEDERATION: "PARTY_MASS",
};

/** The practice field suggested for a new post in this organisation, or null when nothing fits clearly. */
export function suggestPracticeField(org: { kind: string; departmentType?: string | null }): TPracticeField | null {
  if (org.kind === "GOVERNMENT_DEPARTMENT") return (org.departmentType && BY_DEPARTMENT[org.departmentType]) || null;
  return BY_ORG_KIND[org.kind] ?? null;
}
