// Credentials and the register facts they drive, for the tests (integration and e2e) and any seed
// that builds people one at a time. The derived columns come from ./derive.ts, the in-memory twin
// of recomputePractitioner, because these factories run outside Next (no server-only modules);
// tests/integration/seed-factories.test.ts keeps the two in step.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { utcDay } from "@/domain/common/calendar-day";
import { canonicalNumber } from "@/lib/canonical-number";
import { activeSinceOf, credentialFacts, deriveFacts, derivedColumns, periodRows, qualificationInputSelect } from "./derive";
import { makePractitioner } from "./factories";

type TDb = PrismaClient | Prisma.TransactionClient;
type TCredentialInput = Prisma.CredentialUncheckedCreateInput;

/** YYYY-MM-DD `days` from today (UTC). */
export function isoFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

let seq = 0;
const CERTIFICATE_KINDS = new Set(["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"]);

/**
 * A credential in `status`, with the event that put it there (as the verification workflow would
 * have written it). Does not touch the practitioner's derived facts: call deriveQualification.
 */
export async function makeCredential(
  db: TDb,
  data: {
    practitionerId: string;
    status: NonNullable<TCredentialInput["status"]>;
    number?: string;
    kind?: TCredentialInput["kind"];
    issueDate?: Date | string;
    /**
     * Certificates only: the last day of the registration's current period (three years long,
     * never starting before the issue date); null: not registered; default: a year from today.
     */
    registrationEnd?: Date | string | null;
    registrationNumber?: string;
    degreeLevel?: TCredentialInput["degreeLevel"];
    titleLevel?: TCredentialInput["titleLevel"];
  },
) {
  const decided = data.status !== "SUBMITTED";
  const c = await db.credential.create({
    data: {
      practitionerId: data.practitionerId,
      kind: data.kind ?? "SOCIAL_WORKER",
      // Stored as the forms store it: canonical (src/lib/canonical-number.ts).
      number: canonicalNumber(data.number ?? `TSW${Date.now().toString(36)}${++seq}`),
      issuingAuthority: "人力资源和社会保障部",
      issueDate: utcDay(data.issueDate ?? "2020-06-01"),
      degreeLevel: data.degreeLevel ?? null,
      titleLevel: data.titleLevel ?? null,
      status: data.status,
      verifiedAt: decided && data.status !== "REJECTED" ? new Date() : null,
    },
    select: { id: true, number: true, kind: true, issueDate: true },
  });
  if (CERTIFICATE_KINDS.has(c.kind) && data.registrationEnd !== null) {
    const end = utcDay(data.registrationEnd ?? isoFromToday(365));
    const threeYears = new Date(Date.UTC(end.getUTCFullYear() - 3, end.getUTCMonth(), end.getUTCDate() + 1));
    const start = threeYears.getTime() < c.issueDate.getTime() ? c.issueDate : threeYears;
    await db.registration.create({
      data: {
        practitionerId: data.practitionerId,
        credentialId: c.id,
        number: canonicalNumber(data.registrationNumber ?? `DJ${c.number}`),
        periodStart: start,
        periodEnd: end,
        periods: { create: { start, end: end, origin: "INITIAL" } },
      },
    });
  }
  if (decided) await db.credentialEvent.create({ data: { credentialId: c.id, fromStatus: "SUBMITTED", toStatus: data.status, reason: "test" } });
  return c;
}

/** Stores the practitioner's derived facts (isQualified, level, G1 flags, qualified periods) for `today`. */
export async function deriveQualification(db: TDb, practitionerId: string, today = new Date()) {
  const p = await db.practitioner.findUniqueOrThrow({
    where: { id: practitionerId },
    select: qualificationInputSelect,
  });
  const registrations = p.credentials.flatMap((c) => (c.registration ? [{ credentialStatus: c.status, periodEnd: c.registration.periodEnd }] : []));
  const plan = await db.planTarget.findUnique({ where: { id: "city" }, select: { seniorCertificateIsG1b: true } });
  const derived = deriveFacts(
    credentialFacts(p),
    p.statusHistory,
    activeSinceOf(p),
    { degree: p.degree, professionalTitle: p.professionalTitle, keyPost: p.keyPost, awardLevels: p.awards.map((a) => a.level) },
    today,
    { seniorCertificateIsG1b: plan?.seniorCertificateIsG1b ?? true },
    registrations,
  );
  await db.qualifiedPeriod.deleteMany({ where: { practitionerId } });
  await db.qualifiedPeriod.createMany({ data: periodRows(practitionerId, derived, p.regionPath, p.entryPath) });
  await db.practitioner.update({ where: { id: practitionerId }, data: derivedColumns(derived) });
  return { isQualified: derived.isQualified };
}

export type TCredentialSeed = Omit<Parameters<typeof makeCredential>[1], "practitionerId">;

/**
 * A practitioner at `organizationId` (region copied from the employer) holding the given
 * credentials (default: one verified social-worker certificate), with derived facts stored.
 */
export async function makeCredentialedPractitioner(
  db: TDb,
  data: Partial<Prisma.PractitionerUncheckedCreateInput> & { organizationId: string },
  credentials: TCredentialSeed[] = [{ status: "VERIFIED" }],
  today = new Date(),
) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: data.organizationId }, select: { regionId: true, region: { select: { path: true } } } });
  const p = await makePractitioner(db, { regionId: org.regionId, regionPath: org.region.path, ...data });
  const made = [];
  for (const c of credentials) made.push(await makeCredential(db, { ...c, practitionerId: p.id }));
  const { isQualified } = await deriveQualification(db, p.id, today);
  return { ...p, isQualified, credentials: made };
}
