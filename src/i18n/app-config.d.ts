import type { TLocale } from "@/lib/locales";
import type base from "../../messages/en.json";
import type agencies from "../../messages/en/agencies.json";
import type agencyApplications from "../../messages/en/agencyApplications.json";
import type association from "../../messages/en/association.json";
import type auditLabels from "../../messages/en/auditLabels.json";
import type capabilities from "../../messages/en/capabilities.json";
import type civilServants from "../../messages/en/civilServants.json";
import type contracts from "../../messages/en/contracts.json";
import type counting from "../../messages/en/counting.json";
import type credentials from "../../messages/en/credentials.json";
import type enums from "../../messages/en/enums.json";
import type evaluationOutcome from "../../messages/en/evaluationOutcome.json";
import type evaluations from "../../messages/en/evaluations.json";
import type exams from "../../messages/en/exams.json";
import type funds from "../../messages/en/funds.json";
import type growth from "../../messages/en/growth.json";
import type me from "../../messages/en/me.json";
import type notifications from "../../messages/en/notifications.json";
import type posts from "../../messages/en/posts.json";
import type practitioners from "../../messages/en/practitioners.json";
import type publicRegister from "../../messages/en/publicRegister.json";
import type registrations from "../../messages/en/registrations.json";
import type rotation from "../../messages/en/rotation.json";
import type serviceCalls from "../../messages/en/serviceCalls.json";
import type scoring from "../../messages/en/scoring.json";
import type staff from "../../messages/en/staff.json";
import type servicesDashboard from "../../messages/en/servicesDashboard.json";
import type supervision from "../../messages/en/supervision.json";
import type trainingDashboard from "../../messages/en/trainingDashboard.json";
import type trainingSettings from "../../messages/en/trainingSettings.json";
import type servicesSettings from "../../messages/en/servicesSettings.json";
import type trainings from "../../messages/en/trainings.json";
import type spotChecks from "../../messages/en/spotChecks.json";
import type workCalendar from "../../messages/en/workCalendar.json";
import type workforce from "../../messages/en/workforce.json";

// The catalogue as load-messages.ts assembles it: messages/<locale>.json plus one namespace per
// file in messages/<locale>/. Typed from English (the unit tests keep the three locales' keys
// equal), so a key that does not exist fails `tsc`.
type TMessages = typeof base & {
  agencies: typeof agencies;
  agencyApplications: typeof agencyApplications;
  association: typeof association;
  auditLabels: typeof auditLabels;
  capabilities: typeof capabilities;
  civilServants: typeof civilServants;
  contracts: typeof contracts;
  counting: typeof counting;
  credentials: typeof credentials;
  enums: typeof enums;
  evaluationOutcome: typeof evaluationOutcome;
  evaluations: typeof evaluations;
  exams: typeof exams;
  funds: typeof funds;
  growth: typeof growth;
  me: typeof me;
  notifications: typeof notifications;
  posts: typeof posts;
  practitioners: typeof practitioners;
  publicRegister: typeof publicRegister;
  registrations: typeof registrations;
  rotation: typeof rotation;
  serviceCalls: typeof serviceCalls;
  scoring: typeof scoring;
  staff: typeof staff;
  servicesDashboard: typeof servicesDashboard;
  supervision: typeof supervision;
  trainingDashboard: typeof trainingDashboard;
  trainingSettings: typeof trainingSettings;
  servicesSettings: typeof servicesSettings;
  trainings: typeof trainings;
  spotChecks: typeof spotChecks;
  workCalendar: typeof workCalendar;
  workforce: typeof workforce;
};

declare module "next-intl" {
  interface AppConfig {
    Locale: TLocale;
    Messages: TMessages;
  }
}
