import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { scopeOf, type TAction, type TPrincipal, type TScope } from "@/domain/authz/matrix";

// Scope filters: the same matrix, expressed as Prisma where-clauses, so a query can
// never return rows outside the caller's scope. A role without the action matches nothing.

const NOTHING = { id: { in: [] as string[] } };

/**
 * How one kind of record is filtered for each scope: `district` gets the caller's district path,
 * `department` and `organization` their organisation id, `self` their practitioner id. A scope the
 * record kind does not list, or a caller without the scope's anchor, matches nothing.
 */
type TScopeFilters<W> = {
  district?: (regionPath: string) => W;
  /** The caller's department and the organisations it supervises (Organization.supervisingDepartmentId). */
  department?: (departmentId: string) => W;
  organization?: (organizationId: string) => W;
  self?: (principal: TPrincipal) => W | null;
};

function scoped<W>(principal: TPrincipal, action: TAction, filters: TScopeFilters<W>): W {
  const scope: TScope | null = scopeOf(principal.role, action);
  const nothing = NOTHING as W;
  switch (scope) {
    case "city":
      return {} as W;
    case "district":
      return filters.district && principal.regionPath ? filters.district(principal.regionPath) : nothing;
    case "department":
      return filters.department && principal.organizationId ? filters.department(principal.organizationId) : nothing;
    case "organization":
      return filters.organization && principal.organizationId ? filters.organization(principal.organizationId) : nothing;
    case "self":
      return filters.self?.(principal) ?? nothing;
    default:
      return nothing;
  }
}

/** The department and the organisations it supervises, as an Organization filter. */
const underDepartment = (id: string): Prisma.OrganizationWhereInput => ({ OR: [{ id }, { supervisingDepartmentId: id }] });

export function organizationScope(principal: TPrincipal, action: TAction): Prisma.OrganizationWhereInput {
  return scoped<Prisma.OrganizationWhereInput>(principal, action, {
    district: (path) => ({ region: { path: { startsWith: path } } }),
    department: underDepartment,
    organization: (id) => ({ id }),
  });
}

export function regionScope(principal: TPrincipal, action: TAction): Prisma.RegionWhereInput {
  return scoped<Prisma.RegionWhereInput>(principal, action, { district: (path) => ({ path: { startsWith: path } }) });
}

export function userScope(principal: TPrincipal, action: TAction): Prisma.UserWhereInput {
  return scoped<Prisma.UserWhereInput>(principal, action, { self: (p) => ({ id: p.id }) });
}

/**
 * Practitioners: district by the employer's region path, organisation by employer, self by id.
 * Department: employed by the department or an organisation it supervises, or holding (or having
 * held) one of their posts, so an officer can open every holder their posts list.
 */
export function practitionerScope(principal: TPrincipal, action: TAction): Prisma.PractitionerWhereInput {
  return scoped<Prisma.PractitionerWhereInput>(principal, action, {
    district: (path) => ({ regionPath: { startsWith: path } }),
    department: (id) => ({ OR: [{ organization: underDepartment(id) }, { postAssignments: { some: { post: { organization: underDepartment(id) } } } }] }),
    organization: (id) => ({ organizationId: id }),
    self: (p) => (p.practitionerId ? { id: p.practitionerId } : null),
  });
}

/**
 * Posts: district by the post's region path, organisation by the department or institution holding
 * it, department by the department and the institutions it supervises (which hold ratio posts).
 */
export function postScope(principal: TPrincipal, action: TAction): Prisma.PostWhereInput {
  return scoped<Prisma.PostWhereInput>(principal, action, {
    district: (path) => ({ regionPath: { startsWith: path } }),
    department: (id) => ({ organization: underDepartment(id) }),
    organization: (id) => ({ organizationId: id }),
  });
}

/** Agency applications: district by the district they were filed in. */
export function applicationScope(principal: TPrincipal, action: TAction): Prisma.AgencyApplicationWhereInput {
  return scoped<Prisma.AgencyApplicationWhereInput>(principal, action, { district: (path) => ({ regionPath: { startsWith: path } }) });
}

/**
 * Association memberships: district by where the member is (the agency's region, or the
 * practitioner's employer's region), organisation by the agency itself or its staff.
 */
export function membershipScope(principal: TPrincipal, action: TAction): Prisma.AssociationMembershipWhereInput {
  return scoped<Prisma.AssociationMembershipWhereInput>(principal, action, {
    district: (path) => ({ OR: [{ organization: { region: { path: { startsWith: path } } } }, { practitioner: { regionPath: { startsWith: path } } }] }),
    organization: (id) => ({ OR: [{ organizationId: id }, { practitioner: { organizationId: id } }] }),
  });
}

/** Special funds are the city's (funds.read / funds.manage: city only); any other scope sees none. */
export function fundScope(principal: TPrincipal, action: TAction): Prisma.FundWhereInput {
  return scoped<Prisma.FundWhereInput>(principal, action, {});
}

/**
 * Supervision pairs (T7): a pair is in scope when its supervisee or its supervisor is (a district
 * sees its people's pairs, also with a supervisor from elsewhere; a practitioner their own, on
 * either side). For changing a pair (`supervision.manage`) use `{ supervisee: practitionerScope(…) }`:
 * only the supervisee's side may start or end it.
 */
export function supervisionScope(principal: TPrincipal, action: TAction): Prisma.SupervisionWhereInput {
  const scope = scopeOf(principal.role, action);
  if (scope === null) return NOTHING;
  if (scope === "city") return {};
  const people = practitionerScope(principal, action);
  return { OR: [{ supervisee: people }, { supervisor: people }] };
}

/**
 * Training programmes: a provider's own (organisation: Training.providerId); the catalogue's readers
 * (city scope) see every programme — which statuses a list shows is the query's business.
 */
export function trainingScope(principal: TPrincipal, action: TAction): Prisma.TrainingWhereInput {
  return scoped<Prisma.TrainingWhereInput>(principal, action, { organization: (id) => ({ providerId: id }) });
}

/**
 * Enrolments, by the participant as practitioners are scoped (district, department, self), and at
 * organisation scope by the organisation's side of it: a provider's own programmes, an agency's own staff.
 */
export function enrolmentScope(principal: TPrincipal, action: TAction): Prisma.TrainingEnrolmentWhereInput {
  return scoped<Prisma.TrainingEnrolmentWhereInput>(principal, action, {
    district: (path) => ({ practitioner: { regionPath: { startsWith: path } } }),
    department: () => ({ practitioner: practitionerScope(principal, action) }),
    organization: (id) => ({ OR: [{ training: { providerId: id } }, { practitioner: { organizationId: id } }] }),
    self: (p) => (p.practitionerId ? { practitionerId: p.practitionerId } : null),
  });
}

/** Training providers (organisations of kind TRAINING_PROVIDER): a provider reads its own. */
export function providerScope(principal: TPrincipal, action: TAction): Prisma.OrganizationWhereInput {
  const scope = scoped<Prisma.OrganizationWhereInput>(principal, action, { organization: (id) => ({ id }) });
  return { AND: [{ kind: "TRAINING_PROVIDER" }, scope] };
}

/**
 * Evaluations (T7). District: of agencies or practitioners in the district, or projects of calls
 * there. Department: projects their department commissioned, agencies it supervises and their
 * staff. Organisation scope depends on the side: an evaluator reads their body's assignments
 * (Evaluation.bodyId), an agency administrator the evaluations of their agency and of its staff's
 * appraisals. Self: a practitioner's own appraisals. Whether a reader sees scores or the report
 * before publication is the evaluation's own rule (src/domain/evaluations), not the scope's.
 */
export function evaluationScope(principal: TPrincipal, action: TAction): Prisma.EvaluationWhereInput {
  return scoped<Prisma.EvaluationWhereInput>(principal, action, {
    district: (path) => ({
      OR: [
        { organization: { region: { path: { startsWith: path } } } },
        { practitioner: { regionPath: { startsWith: path } } },
        { contract: { call: { regionPath: { startsWith: path } } } },
      ],
    }),
    department: (id) => ({
      OR: [{ contract: { call: { departmentId: id } } }, { organization: underDepartment(id) }, { practitioner: { organization: underDepartment(id) } }],
    }),
    organization: (id) =>
      principal.role === "EVALUATOR" ? { bodyId: id } : { OR: [{ organizationId: id }, { practitioner: { organizationId: id } }] },
    self: (p) => (p.practitionerId ? { practitionerId: p.practitionerId } : null),
  });
}

/** Spot-check draws: the city's all; an evaluation body's the ones drawn for it. */
export function spotCheckScope(principal: TPrincipal, action: TAction): Prisma.SpotCheckDrawWhereInput {
  return scoped<Prisma.SpotCheckDrawWhereInput>(principal, action, {
    organization: (id) => (principal.role === "EVALUATOR" ? { bodyId: id } : NOTHING),
  });
}
