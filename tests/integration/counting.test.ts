import { describe, expect, it } from "vitest";

import { actAs } from "../helpers/fake-auth";
import { as } from "../helpers/integration";
import { TINY_PNG } from "@/server/seed/scan-files";
import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "@/server/seed/factories";
import { employerRegion, recomputePractitioner } from "@/server/practitioners/derived-facts";
import { revokeCredential, submitCredential, verifyCredential } from "@/server/credentials/mutations";
import { changePractitionerStatus } from "@/server/practitioners/mutations";
import { getPractitioner, listPractitioners } from "@/server/practitioners/queries";
import { myProfile } from "@/server/credentials/queries";
import { countingFor } from "@/server/practitioners/counting";
import { findPublicCertificates, findPublicProfile } from "@/server/public-register/queries";
import { ZSubmitCredential } from "@/domain/credentials/schemas";
import { ZChangeStatus as ZStatus } from "@/domain/practitioners/schemas";
import { parseListFilter } from "@/domain/practitioners/list-filter";
import { todayInCity } from "@/domain/common/calendar-day";

// Issue 11, item 4: "not counted" without a reason. A district officer verified a certificate; the
// person's page said "does not count · qualification level: none" while the public register said
// the certificate was valid. The portal now says why, since when and what would change it, from the
// counting rule itself (explainCounting), and the public register gives the same answer.

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const png = { name: "证书.png", bytes: TINY_PNG };

async function world() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const district = await makeRegion(prisma, { level: "DISTRICT", parent: city });
  const agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id });
  const person = await makePractitioner(prisma, { organizationId: agency.id, entryDate: day("2020-01-01"), status: "ACTIVE", statusSince: day("2020-01-01") });
  await prisma.practitioner.update({ where: { id: person.id }, data: await employerRegion(prisma, agency.id) });
  await prisma.practitionerStatusChange.create({ data: { practitionerId: person.id, status: "ACTIVE", effectiveFrom: day("2020-01-01") } });
  const officer = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: district.id });
  const agencyAdmin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agency.id });
  const self = await makeUser(prisma, { role: "PRACTITIONER", practitionerId: person.id });
  return { agency, person, officer, agencyAdmin, self };
}

const submit = (practitionerId: string, number: string, issueDate = "2024-03-01") =>
  submitCredential(ZSubmitCredential.parse({ practitionerId, kind: "SOCIAL_WORKER", number, issuingAuthority: "人力资源和社会保障部", issueDate }), png);

async function leave(w: Awaited<ReturnType<typeof world>>, status: "LEFT" | "RETIRED" | "ACTIVE", on: string) {
  actAs(w.agencyAdmin);
  const { version } = await prisma.practitioner.findUniqueOrThrow({ where: { id: w.person.id }, select: { version: true } });
  await changePractitionerStatus(ZStatus.parse({ id: w.person.id, version: String(version), status, effectiveFrom: on, entryPath: "RECRUITED", entryDate: "2020-01-01" }));
}

describe("why someone counts, or does not (issue 11, item 4)", () => {
  it("reproduces the report: a certificate verified for someone who has left is valid publicly; the portal says why they do not count and shows the level they hold", async () => {
    const w = await world();
    await leave(w, "LEFT", "2025-06-30");
    actAs(w.agencyAdmin);
    const c = await submit(w.person.id, "SW-LEFT-1");
    actAs(w.officer);
    await verifyCredential({ id: c.id, version: 1 });

    // The public register: the certificate is valid, and its holder does not count (not active).
    const [match] = await findPublicCertificates({ number: "SW-LEFT-1" });
    expect(match).toMatchObject({ status: "valid", qualificationLevel: "SOCIAL_WORKER", holder: { counts: false, since: null, reason: "inactive" } });
    expect(await findPublicProfile(w.person.id)).toBeNull();

    // The portal: not counted, BECAUSE the status is LEFT since 2025-06-30; the level held is the certificate's
    // (it used to say "qualification level: none" with no reason).
    const p = (await getPractitioner(await as(w.officer), w.person.id))!;
    expect(p.isQualified).toBe(false);
    expect(p.qualificationLevel).toBe("SOCIAL_WORKER");
    expect(p.counting).toMatchObject({
      counts: false,
      level: "SOCIAL_WORKER",
      held: [{ kind: "SOCIAL_WORKER", issueDate: day("2024-03-01") }],
      reasons: [{ code: "inactive", status: "LEFT", since: day("2025-06-30") }],
      changes: [{ code: "countOnReturn" }],
    });
    // It counted before leaving: the explanation says when it stopped.
    expect(p.counting.since).toEqual(day("2025-06-30"));

    // Coming back makes them count again, from the day of return, everywhere at once.
    await leave(w, "ACTIVE", "2025-09-01");
    const back = (await getPractitioner(await as(w.officer), w.person.id))!;
    expect(back.counting).toMatchObject({ counts: true, since: day("2025-09-01"), reasons: [], changes: [{ code: "stopOnLeaving" }, { code: "stopOnRevocation", count: 1 }] });
    expect(back).toMatchObject({ isQualified: true, qualifiedSince: day("2025-09-01") });
    expect((await findPublicCertificates({ number: "SW-LEFT-1" }))[0]!.holder).toEqual({ counts: true, since: "2025-09-01", reason: null });
    expect(await findPublicProfile(w.person.id)).toMatchObject({ counting: { counts: true, since: "2025-09-01" } });
  });

  it("submitted: not counted because the certificate awaits verification, since the day it was submitted; verifying it is what would change that", async () => {
    const w = await world();
    actAs(w.self);
    const c = await submit(w.person.id, "SW-PEND-1");
    const me = (await myProfile(await as(w.self)))!;
    expect(me.counting).toMatchObject({
      counts: false,
      since: null,
      level: "NONE",
      held: [],
      reasons: [{ code: "noQualifyingCredential" }, { code: "pending", kind: "SOCIAL_WORKER", since: todayInCity() }],
      changes: [{ code: "countOnVerification", kind: "SOCIAL_WORKER" }],
    });
    actAs(w.officer);
    await verifyCredential({ id: c.id, version: 1 });
    expect((await myProfile(await as(w.self)))!.counting).toMatchObject({ counts: true, since: day("2024-03-01"), level: "SOCIAL_WORKER" });
  });

  it("revoked: not counted since the revocation day, which the reason names; with nothing on file, a certificate or degree is what would change it", async () => {
    const w = await world();
    const none = (await countingFor([w.person.id])).get(w.person.id)!;
    expect(none).toMatchObject({ counts: false, reasons: [{ code: "noQualifyingCredential" }], changes: [{ code: "countOnCredential" }] });

    actAs(w.agencyAdmin);
    const c = await submit(w.person.id, "SW-REV-1");
    actAs(w.officer);
    await verifyCredential({ id: c.id, version: 1 });
    await revokeCredential({ id: c.id, version: 2, reason: "发证机关核实无效" });
    const revokedOn = (await prisma.credentialEvent.findFirstOrThrow({ where: { credentialId: c.id, toStatus: "REVOKED" } })).at;
    const p = (await getPractitioner(await as(w.officer), w.person.id))!;
    expect(p.counting).toMatchObject({ counts: false, level: "NONE", reasons: [{ code: "noQualifyingCredential" }, { code: "revoked", kind: "SOCIAL_WORKER" }], changes: [{ code: "countOnCredential" }] });
    const revoked = p.counting.reasons.find((r) => r.code === "revoked") as { on: Date };
    expect(revoked.on.toISOString().slice(0, 10)).toBe(revokedOn.toISOString().slice(0, 10));
    expect(p.counting.since!.toISOString().slice(0, 10)).toBe(revokedOn.toISOString().slice(0, 10));
    // The public register shows the certificate revoked and its holder not counted.
    expect((await findPublicCertificates({ number: "SW-REV-1" }))[0]).toMatchObject({ status: "revoked", holder: { counts: false, reason: "noQualification" } });
  });

  it("the register's rows carry the same explanation as the stored decision they are filtered by", async () => {
    const w = await world();
    actAs(w.agencyAdmin);
    const c = await submit(w.person.id, "SW-ROW-1");
    actAs(w.officer);
    await verifyCredential({ id: c.id, version: 1 });
    const officer = await as(w.officer);
    const yes = await listPractitioners(officer, parseListFilter({ counts: "yes" }));
    expect(yes.items.map((r) => [r.id, r.counting.counts, r.isQualified])).toEqual([[w.person.id, true, true]]);
    await leave(w, "RETIRED", "2025-12-01");
    const no = await listPractitioners(officer, parseListFilter({ counts: "no" }));
    expect(no.items.map((r) => [r.id, r.counting.counts, r.counting.reasons[0]])).toEqual([[w.person.id, false, { code: "inactive", status: "RETIRED", since: day("2025-12-01") }]]);
  });

  it("two status changes on one day are read in the order they were made, whatever order the database returns them in", async () => {
    const w = await world();
    await prisma.credential.create({ data: { practitionerId: w.person.id, kind: "SOCIAL_WORKER", number: "SW-DAY-1", issuingAuthority: "人社部", issueDate: day("2024-03-01"), status: "VERIFIED" } });
    // Left on 2025-05-01, and the same day corrected back to active. The correction is written
    // first on disk (as after an update moved the older row), but it was made later.
    await prisma.practitionerStatusChange.create({ data: { practitionerId: w.person.id, status: "ACTIVE", effectiveFrom: day("2025-05-01"), createdAt: new Date("2025-05-01T10:00:00Z") } });
    await prisma.practitionerStatusChange.create({ data: { practitionerId: w.person.id, status: "LEFT", effectiveFrom: day("2025-05-01"), createdAt: new Date("2025-05-01T09:00:00Z") } });
    await prisma.$transaction((tx) => recomputePractitioner(tx, w.person.id));
    const p = await prisma.practitioner.findUniqueOrThrow({ where: { id: w.person.id }, select: { isQualified: true, qualifiedSince: true } });
    expect(p).toEqual({ isQualified: true, qualifiedSince: day("2024-03-01") });
    expect((await countingFor([w.person.id])).get(w.person.id)).toMatchObject({ counts: true, since: day("2024-03-01") });
  });
});
