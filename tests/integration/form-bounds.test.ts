import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// Issue 11, item 3: values no real person or agency has are refused where they are stored, through
// the real actions (schema → matrix → server function) and database, and nothing is written; what
// people really type is stored in one canonical form.

class RedirectSignal extends Error {
  constructor(public readonly url: string) {
    super(`NEXT_REDIRECT ${url}`);
  }
}

vi.mock("@/server/auth/config", () => import("../helpers/fake-auth"));
vi.mock("next/headers", () => import("../helpers/fake-headers"));
vi.mock("next-intl/server", () => import("../helpers/fake-intl-server"));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new RedirectSignal(url);
  },
  forbidden: () => {
    throw new Error("forbidden()");
  },
}));

import { actAs, actAsNobody } from "../helpers/fake-auth";
import { setRequest } from "../helpers/fake-headers";
import { tableCounts } from "../helpers/counts";
import { prisma } from "@/server/db";
import { makeOrganization, makeRegion, makeUser } from "@/server/seed/factories";
import { randomIdNumber, validIdNumber } from "@/server/seed/id-numbers";
import { addYears, isoDay, todayInCity } from "@/domain/common/calendar-day";
import { changeStatusAction, createPractitionerAction, updateContactAction, updatePractitionerAction } from "@/features/practitioners/actions";
import { updateAgencyProfileAction } from "@/features/agencies/actions";
import { submitApplicationAction } from "@/features/agencies/application-actions";

afterAll(() => prisma.$disconnect());
beforeEach(() => setRequest());

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};
const redirectOf = (p: Promise<unknown>) =>
  p.then(
    (state) => ({ state }),
    (e: unknown) => (e instanceof RedirectSignal ? { redirect: e.url } : Promise.reject(e)),
  );
const future = isoDay(addYears(todayInCity(), 10));

let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const district = await makeRegion(prisma, { level: "DISTRICT", parent: city });
  const agency = await makeOrganization(prisma, {
    kind: "AGENCY",
    regionId: district.id,
    name: "边界社工",
    contactName: "王联系",
    contactPhone: "010-66660000",
    contactEmail: "office@example.org",
    serviceAreas: ["SCHOOLS"],
  });
  const agencyAdmin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agency.id });
  return { district, agency, agencyAdmin };
}
beforeAll(async () => {
  w = await build();
});

const person = (over: Record<string, string> = {}): [string, string][] =>
  Object.entries({ name: "边界社工甲", idNumber: randomIdNumber(), organizationId: w.agency.id, entryPath: "RECRUITED", entryDate: "2025-09-01", ...over });

describe("the new-practitioner form", () => {
  it("refuses a 20-digit phone, an entry date ten years ahead and a name over 100 characters, all at once; nothing is written", async () => {
    actAs(w.agencyAdmin);
    const before = await tableCounts();
    const state = await createPractitionerAction({ ok: false }, form(person({ phone: "12345678901234567890", entryDate: future, name: "名".repeat(101) })));
    expect(state).toMatchObject({ ok: false, error: "checkFields", fieldErrors: { phone: "phone", entryDate: "dateInFuture", name: "tooLong:100" } });
    // What was typed comes back to the form.
    expect(state.values).toMatchObject({ phone: "12345678901234567890", entryDate: future });
    expect(await tableCounts()).toEqual(before);
  });

  it("an empty form reports every required field, the ID number among them", async () => {
    actAs(w.agencyAdmin);
    const blank = ["name", "idNumber", "gender", "birthDate", "phone", "email", "degreeInstitution", "degreeYear", "hireDate", "entryPath", "entryDate"].map((k): [string, string] => [k, ""]);
    const state = await createPractitionerAction({ ok: false }, form([...blank, ["organizationId", w.agency.id], ["degree", "NONE"], ["professionalTitle", "NONE"]]));
    expect(state.fieldErrors).toEqual({ name: "required", idNumber: "required", entryPath: "required", entryDate: "required" });
  });

  it("refuses a hire date before the person was 16, by the birth date in the ID number", async () => {
    actAs(w.agencyAdmin);
    const before = await tableCounts();
    const state = await createPractitionerAction({ ok: false }, form(person({ idNumber: validIdNumber({ birth: "20000301" }), hireDate: "2016-02-29", entryDate: "2016-03-01" })));
    expect(state.fieldErrors).toEqual({ hireDate: "underWorkingAge" });
    expect(await tableCounts()).toEqual(before);
  });

  it("stores a mobile typed with the country code, spaces and dashes as its 11 digits", async () => {
    actAs(w.agencyAdmin);
    const outcome = await redirectOf(createPractitionerAction({ ok: false }, form(person({ name: "边界社工乙", phone: "+86 139-1234-5678" }))));
    expect(outcome).toMatchObject({ redirect: expect.stringMatching(/^\/practitioners\/[^/]+\?created=1$/) });
    expect(await prisma.practitioner.findFirstOrThrow({ where: { name: "边界社工乙" }, select: { phone: true } })).toEqual({ phone: "13912345678" });
  });
});

describe("an edit checks dates against the stored birth date", () => {
  it("a hire date or entry date before the person was 16 is refused, though the form carried no birth date; nothing is written", async () => {
    actAs(w.agencyAdmin);
    await redirectOf(createPractitionerAction({ ok: false }, form(person({ name: "边界社工丁", idNumber: validIdNumber({ birth: "19990601" }) }))));
    const p = await prisma.practitioner.findFirstOrThrow({ where: { name: "边界社工丁" }, select: { id: true, version: true } });
    const before = await tableCounts();
    // An agency administrator sees the year of birth only: the edit form's birth date stays empty.
    const edit = await updatePractitionerAction({ ok: false }, form([["id", p.id], ["version", String(p.version)], ["name", "边界社工丁"], ["idNumber", ""], ["birthDate", ""], ["organizationId", w.agency.id], ["hireDate", "2015-05-31"]]));
    expect(edit).toMatchObject({ ok: false, error: "checkFields", fieldErrors: { hireDate: "underWorkingAge" } });
    const status = await changeStatusAction({ ok: false }, form([["id", p.id], ["version", String(p.version)], ["status", "ACTIVE"], ["effectiveFrom", "2025-09-01"], ["entryPath", "RECRUITED"], ["entryDate", "2015-05-31"]]));
    expect(status).toMatchObject({ ok: false, error: "checkFields", fieldErrors: { entryDate: "underWorkingAge" } });
    expect(await tableCounts()).toEqual(before);
    expect(await prisma.practitioner.findUniqueOrThrow({ where: { id: p.id }, select: { version: true, hireDate: true } })).toEqual({ version: p.version, hireDate: null });
  });
});

describe("the practitioner's own contact details", () => {
  it("refuse a 20-digit phone without writing; a landline with an extension is stored canonical", async () => {
    actAs(w.agencyAdmin);
    await redirectOf(createPractitionerAction({ ok: false }, form(person({ name: "边界社工丙" }))));
    const p = await prisma.practitioner.findFirstOrThrow({ where: { name: "边界社工丙" }, select: { id: true, version: true, phone: true } });
    const self = await makeUser(prisma, { role: "PRACTITIONER", practitionerId: p.id });
    actAs(self);
    const before = await tableCounts();
    const refused = await updateContactAction({ ok: false }, form([["id", p.id], ["version", String(p.version)], ["phone", "12345678901234567890"], ["email", ""]]));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { phone: "phone" } });
    expect(await tableCounts()).toEqual(before);
    expect(await prisma.practitioner.findUniqueOrThrow({ where: { id: p.id }, select: { phone: true, version: true } })).toEqual({ phone: p.phone, version: p.version });
    await redirectOf(updateContactAction({ ok: false }, form([["id", p.id], ["version", String(p.version)], ["phone", "0755 8888 1234 转 12"], ["email", ""]])));
    expect((await prisma.practitioner.findUniqueOrThrow({ where: { id: p.id }, select: { phone: true } })).phone).toBe("0755-88881234-12");
  });
});

describe("the agency profile", () => {
  it("cannot be saved with what the application requires left empty, nor with a phone no one has; nothing is written", async () => {
    actAs(w.agencyAdmin);
    const before = await prisma.organization.findUniqueOrThrow({ where: { id: w.agency.id } });
    const counts = await tableCounts();
    const emptied = await updateAgencyProfileAction({ ok: false }, form([["id", w.agency.id], ["version", String(before.version)], ["contactName", ""], ["contactPhone", ""], ["contactEmail", ""]]));
    expect(emptied.fieldErrors).toEqual({ contactName: "required", contactPhone: "required", contactEmail: "required", serviceAreas: "serviceAreasRequired" });
    const badPhone = await updateAgencyProfileAction({ ok: false }, form([["id", w.agency.id], ["version", String(before.version)], ["contactName", "王联系"], ["contactPhone", "12345678901234567890"], ["contactEmail", "office@example.org"], ["serviceAreas", "SCHOOLS"]]));
    expect(badPhone.fieldErrors).toEqual({ contactPhone: "phone" });
    expect(await tableCounts()).toEqual(counts);
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: w.agency.id } })).toEqual(before);
  });
});

describe("the public agency application", () => {
  it("refuses a 20-digit phone and a founding date ahead before anything else runs; nothing is written or sent", async () => {
    actAsNobody();
    const before = await tableCounts();
    const state = await submitApplicationAction({ ok: false }, form([["name", ""], ["contactPhone", "12345678901234567890"], ["foundedOn", future]]));
    expect(state.fieldErrors).toMatchObject({ contactPhone: "phone", foundedOn: "dateInFuture", name: "required", serviceAreas: "serviceAreasRequired" });
    expect(await tableCounts()).toEqual(before);
    expect(await prisma.agencyApplication.count()).toBe(0);
  });
});
