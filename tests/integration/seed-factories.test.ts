import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { makeOrganization, makeRegion } from "@/server/seed/factories";
import { deriveQualification, isoFromToday, makeCredential, makeCredentialedPractitioner } from "@/server/seed/credential-factories";
import { makePost, postColumns } from "@/server/seed/workforce-factories";
import { recomputePractitioner } from "@/server/practitioners/derived-facts";
import { requiredHeadcount } from "@/domain/posts/post-maths";

// The factories shared by the demo seed and the tests (src/server/seed) derive what the app's
// mutations derive, without loading server-only modules: checked here against the app itself.

const derivedSelect = { isQualified: true, qualifiedSince: true, qualificationLevel: true, g1Msw: true, g1DeputySenior: true, g1SocialWorker: true, g1ProvincialAward: true, g1KeyPost: true } as const;
const stored = async (id: string) => ({
  row: await prisma.practitioner.findUniqueOrThrow({ where: { id }, select: derivedSelect }),
  periods: await prisma.qualifiedPeriod.findMany({ where: { practitionerId: id }, select: { from: true, to: true, regionPath: true, entryPath: true }, orderBy: { from: "asc" } }),
});

describe("seed factories", () => {
  it("store the same derived facts as recomputePractitioner, for every kind of credential history", async () => {
    const city = await makeRegion(prisma, { level: "CITY" });
    const district = await makeRegion(prisma, { level: "DISTRICT", parent: city });
    const agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id });
    const at = (entryDate: string, extra = {}) => ({ organizationId: agency.id, entryDate: new Date(`${entryDate}T00:00:00Z`), ...extra });
    const people = [
      await makeCredentialedPractitioner(prisma, at("2020-01-01")),
      await makeCredentialedPractitioner(prisma, at("2019-05-01", { entryPath: "RECRUITED" }), [{ status: "VERIFIED", kind: "SENIOR_SOCIAL_WORKER", issueDate: "2021-03-01", registrationEnd: isoFromToday(200) }]),
      await makeCredentialedPractitioner(prisma, at("2018-01-01"), [{ status: "VERIFIED", kind: "ASSISTANT_SOCIAL_WORKER", issueDate: "2018-06-01", registrationEnd: "2022-05-31" }]),
      await makeCredentialedPractitioner(prisma, at("2021-01-01", { degree: "MASTER" }), [{ status: "VERIFIED", kind: "SOCIAL_WORK_DEGREE", degreeLevel: "MASTER", issueDate: "2020-07-01" }]),
      await makeCredentialedPractitioner(prisma, at("2022-01-01", { professionalTitle: "DEPUTY_SENIOR", keyPost: true }), [
        { status: "VERIFIED", kind: "PROFESSIONAL_TITLE", titleLevel: "DEPUTY_SENIOR", issueDate: "2022-02-01" },
        { status: "SUBMITTED", kind: "SOCIAL_WORKER", issueDate: "2022-03-01" },
      ]),
      await makeCredentialedPractitioner(prisma, at("2020-01-01"), [{ status: "REVOKED", kind: "SOCIAL_WORKER", issueDate: "2020-02-01" }]),
      await makeCredentialedPractitioner(prisma, at("2020-01-01"), [{ status: "REJECTED" }]),
    ];
    // One who left: counted until the day they left.
    const left = await makeCredentialedPractitioner(prisma, at("2020-01-01", { status: "LEFT" }), []);
    await prisma.practitionerStatusChange.createMany({
      data: [
        { practitionerId: left.id, status: "ACTIVE", effectiveFrom: new Date("2020-01-01T00:00:00Z") },
        { practitionerId: left.id, status: "LEFT", effectiveFrom: new Date("2024-01-01T00:00:00Z") },
      ],
    });
    await makeCredential(prisma, { practitionerId: left.id, status: "VERIFIED", issueDate: "2020-03-01" });
    await deriveQualification(prisma, left.id);
    people.push({ ...left, isQualified: false, credentials: [] });

    // The third holds a certificate whose registration lapsed in 2022: still counted (the certificate is permanent).
    expect(people.map((p) => p.isQualified)).toEqual([true, true, true, true, false, false, false, false]);
    const fromFactories = new Map<string, unknown>();
    for (const p of people) fromFactories.set(p.id, await stored(p.id));
    await prisma.$transaction(async (tx) => {
      for (const p of people) await recomputePractitioner(tx, p.id);
    });
    for (const p of people) expect(await stored(p.id), p.name).toEqual(fromFactories.get(p.id));
    // The exact facts of two of them, so that "both agree" cannot mean "both empty".
    expect((await stored(people[1]!.id)).row).toMatchObject({ isQualified: true, qualificationLevel: "SENIOR_SOCIAL_WORKER", g1SocialWorker: true });
    expect((await stored(people[3]!.id)).row).toMatchObject({ isQualified: true, qualificationLevel: "DEGREE", g1Msw: true });
    expect((await stored(left.id)).periods).toEqual([{ from: new Date("2020-03-01T00:00:00Z"), to: new Date("2024-01-01T00:00:00Z"), regionPath: district.path, entryPath: "BASELINE" }]);
  });

  it("fill a post's kind columns and required headcount as the post mutations do", async () => {
    const city = await makeRegion(prisma, { level: "CITY" });
    const home = await makeOrganization(prisma, { kind: "WELFARE_INSTITUTION", regionId: city.id });
    const ratio = await makePost(prisma, { organizationId: home.id, practiceField: "WELFARE_INSTITUTIONS", kind: "RATIO", ratioBasis: "BEDS", basisCount: 120, ratioPerWorker: 50 });
    const dept = await makePost(prisma, { organizationId: home.id, practiceField: "CIVIL_AFFAIRS", kind: "DEPARTMENT", headcount: 2 });
    expect(await prisma.post.findUniqueOrThrow({ where: { id: ratio.id }, select: { kind: true, headcount: true, ratioBasis: true, basisCount: true, ratioPerWorker: true, requiredHeadcount: true, regionPath: true } })).toEqual({
      kind: "RATIO",
      headcount: null,
      ratioBasis: "BEDS",
      basisCount: 120,
      ratioPerWorker: 50,
      requiredHeadcount: 3,
      regionPath: city.path,
    });
    expect(dept.requiredHeadcount).toBe(2);
    for (const shape of [{ kind: "DEPARTMENT", headcount: 0 }, { kind: "RATIO", ratioBasis: "STUDENTS", basisCount: 1001, ratioPerWorker: 1000 }] as const) {
      expect(postColumns(shape).requiredHeadcount).toBe(requiredHeadcount(shape.kind === "DEPARTMENT" ? shape : { kind: "RATIO", basisCount: shape.basisCount, ratioPerWorker: shape.ratioPerWorker }));
    }
  });
});
