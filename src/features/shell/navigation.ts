import { can, scopeOf, type TAction, type TPrincipal, type TScope } from "@/domain/authz/matrix";

/** Labels are nav.<key>; every page but home also has a hint, navHint.<key> (or a variant, see navHintKey). */
export type TNavKey =
  | "home"
  | "growth"
  | "workforce"
  | "trainingDashboard"
  | "servicesDashboard"
  | "practitioners"
  | "myProfile"
  | "verification"
  | "agencies"
  | "myAgency"
  | "applications"
  | "posts"
  | "association"
  | "supervision"
  | "mySupervision"
  | "rotation"
  | "organizations"
  | "funds"
  | "trainings"
  | "trainingProviders"
  | "exams"
  | "myExams"
  | "serviceCalls"
  | "scoring"
  | "contracts"
  | "spotChecks"
  | "calendar"
  | "evaluations"
  | "rubrics"
  | "civilServants"
  | "users"
  | "audit"
  | "outbox"
  | "account";

/** `scopes`: show only when the role's scope for the action is one of these (e.g. "self" → My profile). */
export type TNavItem = { href: string; key: TNavKey; action: TAction | null; scopes?: TScope[] };

/** A page other than home: the ones with a hint. */
export type TNavPage = TNavItem & { key: Exclude<TNavKey, "home"> };

export function isNavPage(item: TNavItem): item is TNavPage {
  return item.key !== "home";
}

type TUnderscored<S extends string> = S extends `${infer Head}.${infer Tail}` ? `${Head}_${TUnderscored<Tail>}` : S;

/** The key of an action's label inside the "capabilities" namespace (capabilities.<action with "_" for ".">). */
export function capabilityName<A extends TAction>(action: A): TUnderscored<A> {
  return action.replaceAll(".", "_") as TUnderscored<A>;
}

// Each entry names the permission that its page itself checks; the menu only mirrors it.
export const NAV_ITEMS: TNavItem[] = [
  { href: "/", key: "home", action: null },
  { href: "/dashboard/growth", key: "growth", action: "dashboard.growth.read" },
  { href: "/dashboard/workforce", key: "workforce", action: "dashboard.workforce.read" },
  { href: "/dashboard/training", key: "trainingDashboard", action: "dashboard.training.read" },
  { href: "/dashboard/services", key: "servicesDashboard", action: "dashboard.services.read" },
  { href: "/practitioners", key: "practitioners", action: "practitioners.read", scopes: ["city", "district", "department", "organization"] },
  { href: "/me", key: "myProfile", action: "practitioners.read", scopes: ["self"] },
  { href: "/credentials/verification", key: "verification", action: "credentials.verify" },
  { href: "/agencies", key: "agencies", action: "agencies.read", scopes: ["city", "district"] },
  { href: "/agencies/mine", key: "myAgency", action: "agencies.read", scopes: ["organization"] },
  { href: "/agencies/applications", key: "applications", action: "agencyApplications.read" },
  { href: "/posts", key: "posts", action: "posts.read" },
  { href: "/association", key: "association", action: "association.read" },
  { href: "/supervision", key: "supervision", action: "supervision.read", scopes: ["city", "district", "department", "organization"] },
  { href: "/me/supervision", key: "mySupervision", action: "supervision.read", scopes: ["self"] },
  { href: "/rotation", key: "rotation", action: "rotation.read" },
  { href: "/organizations", key: "organizations", action: "organizations.read" },
  { href: "/trainings", key: "trainings", action: "trainings.read" },
  { href: "/training-providers", key: "trainingProviders", action: "trainingProviders.read", scopes: ["city"] },
  { href: "/exams", key: "exams", action: "exams.read", scopes: ["city", "district", "department", "organization"] },
  { href: "/me/exams", key: "myExams", action: "exams.read", scopes: ["self"] },
  { href: "/service-calls", key: "serviceCalls", action: "serviceCalls.read", scopes: ["city", "district", "department"] },
  { href: "/scoring", key: "scoring", action: "proposals.score", scopes: ["self"] },
  { href: "/contracts", key: "contracts", action: "contracts.read" },
  { href: "/evaluations", key: "evaluations", action: "evaluations.read" },
  { href: "/rubrics", key: "rubrics", action: "rubrics.manage" },
  // One page, two menu entries: the city draws, an evaluation body's evaluators check what was drawn for it.
  { href: "/spot-checks", key: "spotChecks", action: "spotChecks.draw" },
  { href: "/spot-checks", key: "spotChecks", action: "spotChecks.check" },
  { href: "/funds", key: "funds", action: "funds.read" },
  { href: "/civil-servants", key: "civilServants", action: "civilServants.read" },
  { href: "/calendar", key: "calendar", action: "calendar.manage" },
  { href: "/admin/users", key: "users", action: "users.read" },
  { href: "/admin/audit", key: "audit", action: "audit.read" },
  { href: "/admin/outbox", key: "outbox", action: "outbox.read" },
  { href: "/account", key: "account", action: "account.read" },
];

export function navFor(principal: Pick<TPrincipal, "role">): TNavItem[] {
  return NAV_ITEMS.filter((item) => {
    if (item.action === null) return true;
    if (!can(principal, item.action)) return false;
    const scope = scopeOf(principal.role, item.action);
    return !item.scopes || (scope !== null && item.scopes.includes(scope));
  });
}

/**
 * The menu's page for `principal` in place of `href`, when the menu gives them another page for the
 * same permission: a practitioner's register is My profile, an agency administrator's agency list
 * is their agency. Null when `href` is their page (or not a menu page). Pages send such a reader
 * there instead of showing them a list made for officials.
 */
export function ownPageFor(principal: Pick<TPrincipal, "role">, href: string): string | null {
  const item = NAV_ITEMS.find((i) => i.href === href);
  if (!item?.action) return null;
  const mine = navFor(principal).find((i) => i.action === item.action);
  return mine && mine.href !== href ? mine.href : null;
}

/** The hints that name what a role may do on a page, by what the matrix lets it do there. */
export type TNavHintKey = Exclude<TNavKey, "home"> | "practitionersSearchExport" | "practitionersSearch" | "spotChecksCheck";

/**
 * The key of the hint under a menu page's name, for `principal`: it promises only what their role
 * may do there (a department officer searches and exports the register but does not register people).
 */
export function navHintKey(principal: Pick<TPrincipal, "role">, key: Exclude<TNavKey, "home">): TNavHintKey {
  if (key === "practitioners" && !can(principal, "practitioners.create")) return can(principal, "practitioners.export") ? "practitionersSearchExport" : "practitionersSearch";
  if (key === "spotChecks" && !can(principal, "spotChecks.draw")) return "spotChecksCheck";
  return key;
}
