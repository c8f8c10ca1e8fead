import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// Real server actions through the pipeline (src/features/action.ts) with the real session,
// matrix and database: only Next's revalidatePath and redirect are recorded instead of run.

const next = vi.hoisted(() => ({ revalidated: [] as string[] }));
class RedirectSignal extends Error {
  constructor(public readonly url: string) {
    super(`NEXT_REDIRECT ${url}`);
  }
}

vi.mock("@/server/auth/config", () => import("../helpers/fake-auth"));
vi.mock("next/headers", () => import("../helpers/fake-headers"));
vi.mock("next-intl/server", () => import("../helpers/fake-intl-server"));
// src/features/auth/actions.ts needs only next-auth's error class (its package entry wants Next's runtime).
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => void next.revalidated.push(path) }));
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
import { createPostAction } from "@/features/posts/actions";
import { disableUserAction, updateUserAction } from "@/features/accounts/actions";
import { addMemberAction } from "@/features/association/actions";
import { setPasswordAction } from "@/features/auth/actions";
import { startImportAction } from "@/features/staff/actions";

afterAll(() => prisma.$disconnect());
beforeEach(() => {
  setRequest();
  next.revalidated.length = 0;
});

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};
const redirectOf = (p: Promise<unknown>) =>
  p.then(
    (state) => ({ state }),
    (e: unknown) => (e instanceof RedirectSignal ? { redirect: e.url } : Promise.reject(e)),
  );

let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const district = await makeRegion(prisma, { level: "DISTRICT", parent: city });
  const agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id, name: "管道社工" });
  const department = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: district.id, name: "管道民政局" });
  const admin = await makeUser(prisma, { role: "CITY_ADMIN" });
  const officer = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: district.id });
  const agencyAdmin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agency.id });
  return { city, district, agency, department, admin, officer, agencyAdmin };
}
beforeAll(async () => {
  w = await build();
});

const postForm = () => form({ kind: "DEPARTMENT", title: "社工岗", organizationId: w.department.id, practiceField: "CIVIL_AFFAIRS", requiredQualification: "NONE", headcount: "2" });

describe("authorization through the matrix, before the server function runs", () => {
  it("a signed-out caller is told to sign in; nothing is written", async () => {
    actAsNobody();
    const before = await tableCounts();
    expect(await createPostAction({ ok: false }, postForm())).toMatchObject({ ok: false, error: "unauthenticated" });
    expect(await disableUserAction({ ok: false }, form({ id: w.officer.id, version: String(w.officer.version) }))).toEqual({ ok: false, error: "unauthenticated" });
    expect(await tableCounts()).toEqual(before);
    expect(next.revalidated).toEqual([]);
  });

  it("a role without the permission is refused, and the refusal is audited once", async () => {
    actAs(w.agencyAdmin);
    const denied = () => prisma.auditEvent.count({ where: { outcome: "DENIED", actorId: w.agencyAdmin.id } });
    const before = await denied();
    expect(await createPostAction({ ok: false }, postForm())).toMatchObject({ ok: false, error: "forbidden", values: { title: "社工岗" } });
    expect(await prisma.post.count()).toBe(0);
    expect(await denied()).toBe(before + 1);
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { outcome: "DENIED", actorId: w.agencyAdmin.id }, orderBy: { id: "desc" } })).toMatchObject({ action: "posts.manage" });
    actAs(w.officer);
    expect(await disableUserAction({ ok: false }, form({ id: w.admin.id, version: "1" }))).toEqual({ ok: false, error: "forbidden" });
  });

  it("a role holding the permission reaches the server function, which still checks the record's scope", async () => {
    actAs(w.officer);
    const outcome = await redirectOf(createPostAction({ ok: false }, postForm()));
    const post = await prisma.post.findFirstOrThrow({ where: { title: "社工岗" } });
    expect(outcome).toEqual({ redirect: `/posts/${post.id}?created=1` });
    expect(next.revalidated).toEqual(["/posts"]);
    // The same officer, another district's department: in the matrix, out of scope.
    const other = await makeRegion(prisma, { level: "DISTRICT", parent: w.city });
    const elsewhere = await makeOrganization(prisma, { kind: "GOVERNMENT_DEPARTMENT", regionId: other.id });
    const refused = postForm();
    refused.set("organizationId", elsewhere.id);
    expect(await createPostAction({ ok: false }, refused)).toMatchObject({ ok: false, error: "checkFields", fieldErrors: { organizationId: "employerNotAllowed" } });
  });
});

describe("what the form gets back", () => {
  it("field errors before anything else, with what was typed", async () => {
    actAsNobody();
    const bad = postForm();
    bad.set("title", "");
    expect(await createPostAction({ ok: false }, bad)).toMatchObject({ ok: false, error: "checkFields", fieldErrors: { title: "required" }, values: { kind: "DEPARTMENT", title: "" } });
  });

  it("a notice on success, a stale edit as such", async () => {
    actAs(w.admin);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: w.officer.id }, select: { version: true, email: true, name: true, role: true, regionId: true } });
    const edit = (version: number) => form({ id: w.officer.id, version: String(version), email: user.email, name: "改名", role: user.role, regionId: user.regionId ?? "" });
    expect(await updateUserAction({ ok: false }, edit(user.version))).toEqual({ ok: true, message: "saved" });
    expect(next.revalidated).toEqual([`/admin/users/${w.officer.id}`]);
    expect(await updateUserAction({ ok: false }, edit(user.version))).toMatchObject({ ok: false, error: "stale" });
  });

  it("a redirect built from the result", async () => {
    actAs(w.admin);
    const outcome = await redirectOf(addMemberAction({ ok: false }, form({ memberType: "AGENCY", memberId: w.agency.id, joinedOn: "2025-01-01", note: "" })));
    expect(outcome).toEqual({ redirect: "/association?tab=agencies&added=SWA-A-0001" });
    expect(next.revalidated).toEqual(["/association"]);
  });

  it("a malformed reference reads as not found; a public action needs no session", async () => {
    actAs(w.agencyAdmin);
    expect(await startImportAction({ ok: false }, form({ jobId: "", version: "x" }))).toEqual({ ok: false, error: "notFound" });
    actAsNobody();
    expect(await setPasswordAction({ ok: false }, form({ token: "x".repeat(32), newPassword: "a-long-enough-passphrase-2026", confirmPassword: "a-long-enough-passphrase-2026" }))).toEqual({
      ok: false,
      error: "tokenInvalid",
    });
  });
});
