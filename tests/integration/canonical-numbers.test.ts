import { describe, expect, it } from "vitest";

import { prisma } from "@/server/db";
import { makeOrganization, makePractitioner, makeRegion } from "@/server/seed/factories";
import { runDataTasks } from "@/server/maintenance/data-tasks";
import { canonicaliseStoredNumbers } from "@/server/maintenance/canonical-numbers";
import { findPublicCertificates } from "@/server/public-register/queries";

// The data task a migration asks for (issue 11): numbers stored before the forms kept them
// canonical are rewritten with the same rule, so the look-ups find them.

describe("data task canonical-numbers", () => {
  it("rewrites stored certificate and registration numbers and credit codes to their canonical form, once", async () => {
    const city = await makeRegion(prisma, { level: "CITY" });
    const district = await makeRegion(prisma, { level: "DISTRICT", parent: city });
    const agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id, creditCode: "52990100mj-0001 0006" });
    // Its canonical form is taken by another agency: left alone, reported.
    await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id, creditCode: "52990100MJ00020001" });
    const clash = await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id, creditCode: "52990100mj00020001" });
    const p = await makePractitioner(prisma, { organizationId: agency.id, regionId: district.id, regionPath: district.path, name: "王旧数" });
    // Written straight into the table, as an older version of the portal would have kept them.
    const cert = await prisma.credential.create({ data: { practitionerId: p.id, kind: "SOCIAL_WORKER", number: "zj-2019 ０１００１２３", issuingAuthority: "人社部", issueDate: new Date("2019-06-01"), status: "VERIFIED" } });
    const reg = await prisma.registration.create({ data: { practitionerId: p.id, credentialId: cert.id, number: "dj/2023-0001", periodStart: new Date("2023-01-01"), periodEnd: new Date("2099-12-31") } });
    const blank = await prisma.credential.create({ data: { practitionerId: p.id, kind: "OTHER", number: " - ", issuingAuthority: "x", issueDate: new Date("2019-06-01"), status: "SUBMITTED" } });
    const app = await prisma.agencyApplication.create({
      data: {
        reference: `SA-2099-${String(Math.floor(Math.random() * 90000) + 10000)}`,
        status: "DISTRICT_REVIEW",
        name: "旧申请",
        creditCode: "５２９９０１００ｍｊ０００３０００１",
        legalRepresentative: "x",
        address: "x",
        regionId: district.id,
        regionPath: district.path,
        foundedOn: new Date("2020-01-01"),
        serviceAreas: ["SCHOOLS"],
        contactName: "x",
        contactPhone: "13800000000",
        contactEmail: "x@example.test",
      },
    });
    // Before: a look-up compares the canonical form and misses the old row.
    expect(await findPublicCertificates({ number: "ZJ20190100123" })).toEqual([]);

    await prisma.dataTask.create({ data: { key: `canonical-numbers-test-${Date.now()}` } });
    expect(await runDataTasks()).toBeGreaterThanOrEqual(1);

    expect((await prisma.credential.findUniqueOrThrow({ where: { id: cert.id } })).number).toBe("ZJ20190100123");
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: reg.id } })).number).toBe("DJ20230001");
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: agency.id } })).creditCode).toBe("52990100MJ00010006");
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: clash.id } })).creditCode).toBe("52990100mj00020001");
    expect((await prisma.agencyApplication.findUniqueOrThrow({ where: { id: app.id } })).creditCode).toBe("52990100MJ00030001");
    // Nothing to make a number of: kept for a person to fix.
    expect((await prisma.credential.findUniqueOrThrow({ where: { id: blank.id } })).number).toBe(" - ");
    expect((await findPublicCertificates({ number: "zj-2019-0100123" })).map((m) => m.name)).toEqual(["王旧数"]);

    // Idempotent: a second run changes nothing (the clash is reported again, still unchanged).
    expect(await canonicaliseStoredNumbers()).toEqual({ credentials: 0, registrations: 0, organizations: 0, applications: 0, conflicts: [expect.stringContaining(clash.id)] });
  });
});
