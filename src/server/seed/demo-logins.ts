// The demo city's sign-ins, one per role (seeded by ./demo.ts; the e2e tests sign in with them).
export const DEMO_PASSWORD = "demo-password-2026";

export const DEMO_LOGINS = [
  { email: "city@demo.local", role: "CITY_ADMIN" },
  { email: "district@demo.local", role: "DISTRICT_OFFICER" },
  { email: "dept@demo.local", role: "DEPARTMENT_OFFICER" },
  { email: "agency@demo.local", role: "AGENCY_ADMIN" },
  { email: "worker@demo.local", role: "PRACTITIONER" },
  { email: "evaluator@demo.local", role: "EVALUATOR" },
  { email: "training@demo.local", role: "TRAINING_PROVIDER" },
  { email: "expert@demo.local", role: "EXPERT" },
] as const;
