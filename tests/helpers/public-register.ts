// Test data for the public register: one district with a street-level agency, and a practitioner
// per certificate status, with private fields filled in so that tests can prove they never leak.
import type { PrismaClient } from "@/generated/prisma/client";
import { makeOrganization, makePractitioner, makeRegion } from "@/server/seed/factories";
import { isoFromToday, makeCredential } from "@/server/seed/credential-factories";
import { recomputePractitioner } from "@/server/practitioners/derived-facts";
import { canonicalNumber } from "@/lib/canonical-number";

type TDb = PrismaClient;

export const PRIVATE = {
  phone: "13800138000",
  email: "private@example.test",
  idNumberMasked: "110101********1234",
  birthDate: new Date("1990-05-17T00:00:00Z"),
};

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A small register: one practitioner per public status, plus pending, rejected and degree-only people. */
export async function makePublicRegisterWorld(db: TDb, prefix = "T") {
  const city = await makeRegion(db, { level: "CITY", name: "示例市" });
  const district = await makeRegion(db, { level: "DISTRICT", name: "东城区", nameHant: "東城區", nameEn: "Dongcheng District", parent: city });
  const street = await makeRegion(db, { level: "STREET", name: "和平街道", parent: district });
  const otherDistrict = await makeRegion(db, { level: "DISTRICT", name: "西城区", nameEn: "Xicheng District", parent: city });
  const agency = await makeOrganization(db, { kind: "AGENCY", regionId: street.id, name: "阳光社工服务中心" });
  const otherAgency = await makeOrganization(db, { kind: "AGENCY", regionId: otherDistrict.id, name: "西城社工服务中心" });

  const person = async (name: string, organizationId = agency.id) => {
    const regionPath = organizationId === agency.id ? street.path : otherDistrict.path;
    const regionId = organizationId === agency.id ? street.id : otherDistrict.id;
    return makePractitioner(db, { name, organizationId, regionId, regionPath, entryDate: day("2019-01-01"), ...PRIVATE });
  };

  const valid = await person("王芳");
  const expired = await person("李强");
  const lapsed = await person("赵磊"); // VERIFIED but past its valid-until day
  const revoked = await person("孙丽", otherAgency.id);
  const pending = await person("周杰");
  const rejected = await person("吴敏");
  const degreeOnly = await person("郑洁");

  // Stored canonical (the factory stores what the forms would); as typed here they carry dashes.
  const typed = {
    valid: `${prefix}-SW-VALID-001`,
    expired: `${prefix}-SW-EXPIRED-002`,
    lapsed: `${prefix}-SW-LAPSED-003`,
    revoked: `${prefix}-SW-REVOKED-004`,
    pending: `${prefix}-SW-PENDING-005`,
    rejected: `${prefix}-SW-REJECTED-006`,
    unknown: `${prefix}-SW-UNKNOWN-999`,
  };
  const numbers = Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, canonicalNumber(v)])) as typeof typed;
  await makeCredential(db, { practitionerId: valid.id, number: numbers.valid, status: "VERIFIED", registrationEnd: isoFromToday(400) });
  await makeCredential(db, { practitionerId: expired.id, number: numbers.expired, status: "VERIFIED", kind: "ASSISTANT_SOCIAL_WORKER", registrationEnd: isoFromToday(-30) });
  await makeCredential(db, { practitionerId: lapsed.id, number: numbers.lapsed, status: "VERIFIED", registrationEnd: isoFromToday(-2) });
  await makeCredential(db, { practitionerId: revoked.id, number: numbers.revoked, status: "REVOKED", kind: "SENIOR_SOCIAL_WORKER", registrationEnd: isoFromToday(300) });
  await makeCredential(db, { practitionerId: pending.id, number: numbers.pending, status: "SUBMITTED" });
  await makeCredential(db, { practitionerId: rejected.id, number: numbers.rejected, status: "REJECTED" });
  await makeCredential(db, { practitionerId: degreeOnly.id, number: `${prefix}-DEG-007`, status: "VERIFIED", kind: "SOCIAL_WORK_DEGREE", degreeLevel: "BACHELOR" });

  for (const p of [valid, expired, lapsed, revoked, pending, rejected, degreeOnly]) {
    await db.$transaction((tx) => recomputePractitioner(tx, p.id));
  }
  return { city, district, street, otherDistrict, agency, otherAgency, people: { valid, expired, lapsed, revoked, pending, rejected, degreeOnly }, numbers, typed };
}
