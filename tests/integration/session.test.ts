import { describe, expect, it } from "vitest";

import { actAs, actAsNobody } from "../helpers/fake-auth";
import { TEST_IP, TEST_USER_AGENT } from "../helpers/fake-headers";
import { tableCounts } from "../helpers/counts";
import { prisma } from "@/server/db";
import { makeOrganization, makeRegion, makeUser } from "@/server/seed/factories";
import { authorize, AuthzError, getCurrentUser } from "@/server/auth/session";
import { changeOwnPassword, createUser, endCurrentSession, resetUserPassword, setUserDisabled, updateUser } from "@/server/accounts/mutations";

async function world() {
  const city = await makeRegion(prisma, { level: "CITY" });
  const district = await makeRegion(prisma, { level: "DISTRICT", parent: city, name: "东城区", nameEn: "Dongcheng" });
  const agency = await makeOrganization(prisma, { kind: "AGENCY", regionId: district.id, name: "阳光社工" });
  const admin = await makeUser(prisma, { role: "CITY_ADMIN" });
  const officer = await makeUser(prisma, { role: "DISTRICT_OFFICER", regionId: district.id, password: "officer-password-2026" });
  const agencyAdmin = await makeUser(prisma, { role: "AGENCY_ADMIN", organizationId: agency.id });
  return { city, district, agency, admin, officer, agencyAdmin };
}

/** Reads the user's current session version, as a fresh sign-in would put into the token. */
const freshToken = async (id: string) => prisma.user.findUniqueOrThrow({ where: { id }, select: { id: true, sessionVersion: true } });
const versionOf = async (id: string) => (await prisma.user.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

/** Whether a session token taken for `user` before `change` is still honoured after it. */
async function survives(user: { id: string }, change: () => Promise<unknown>, actor?: { id: string; sessionVersion: number }): Promise<boolean> {
  const token = await freshToken(user.id);
  const sid = `session-of-${user.id}-${Date.now()}`; // the same browser before and after
  actAs(token, sid);
  expect(await getCurrentUser()).not.toBeNull();
  if (actor) actAs(actor);
  await change();
  actAs(token, sid);
  return (await getCurrentUser()) !== null;
}

describe("getCurrentUser", () => {
  it("returns the user's role and scope from the database", async () => {
    const w = await world();
    actAs(w.officer);
    const me = await getCurrentUser();
    expect(me).toMatchObject({
      id: w.officer.id,
      email: w.officer.email,
      role: "DISTRICT_OFFICER",
      regionId: w.district.id,
      regionPath: w.district.path,
      organizationId: null,
      practitionerId: null,
      regionName: { name: "东城区", nameHant: null, nameEn: "Dongcheng" },
    });
    // The DTO carries nothing secret.
    expect(Object.keys(me!)).not.toContain("passwordHash");
    expect(JSON.stringify(me)).not.toContain("argon2");

    actAs(w.agencyAdmin);
    expect(await getCurrentUser()).toMatchObject({ role: "AGENCY_ADMIN", organizationId: w.agency.id, organizationName: { name: "阳光社工" }, regionPath: null });
  });

  it("is null without a session, for an unknown user and for a token with the wrong version", async () => {
    const w = await world();
    actAsNobody();
    expect(await getCurrentUser()).toBeNull();
    actAs({ id: "no-such-user", sessionVersion: 1 });
    expect(await getCurrentUser()).toBeNull();
    actAs({ id: w.officer.id, sessionVersion: w.officer.sessionVersion + 1 });
    expect(await getCurrentUser()).toBeNull();
  });

  it("is null as soon as the user is disabled, even with an unchanged session version", async () => {
    const w = await world();
    actAs(w.officer);
    expect(await getCurrentUser()).not.toBeNull();
    await prisma.user.update({ where: { id: w.officer.id }, data: { disabledAt: new Date() } });
    expect(await getCurrentUser()).toBeNull();
  });

  it("ends the user's sessions when an administrator disables them, and re-enabling does not revive old tokens", async () => {
    const w = await world();
    const admin = await freshToken(w.admin.id);
    expect(await survives(w.officer, async () => setUserDisabled({ id: w.officer.id, version: await versionOf(w.officer.id) }, true), admin)).toBe(false);

    const oldToken = await freshToken(w.officer.id);
    actAs(admin);
    await setUserDisabled({ id: w.officer.id, version: await versionOf(w.officer.id) }, false);
    actAs(oldToken);
    expect(await getCurrentUser()).toBeNull();
    // A new sign-in works again.
    actAs(await freshToken(w.officer.id));
    expect(await getCurrentUser()).not.toBeNull();
  });

  it("ends the user's sessions on an administrator's password reset", async () => {
    const w = await world();
    const admin = await freshToken(w.admin.id);
    expect(await survives(w.officer, async () => resetUserPassword({ id: w.officer.id, version: await versionOf(w.officer.id) }), admin)).toBe(false);
  });

  it("ends the user's sessions on a role or scope change, but not on a name change", async () => {
    const w = await world();
    const admin = await freshToken(w.admin.id);
    const base = { id: w.agencyAdmin.id, role: "AGENCY_ADMIN" as const, regionId: null, organizationId: w.agency.id, practitionerId: null };
    expect(await survives(w.agencyAdmin, async () => updateUser({ ...base, name: "改个名字", version: await versionOf(w.agencyAdmin.id) }), admin)).toBe(true);
    expect(
      await survives(w.agencyAdmin, async () => updateUser({ ...base, name: "改个名字", role: "DISTRICT_OFFICER", organizationId: null, regionId: w.district.id, version: await versionOf(w.agencyAdmin.id) }), admin),
    ).toBe(false);
    // And the new token sees the new role at once.
    actAs(await freshToken(w.agencyAdmin.id));
    expect(await getCurrentUser()).toMatchObject({ role: "DISTRICT_OFFICER", regionPath: w.district.path, organizationId: null });
  });

  it("ends every session, the current one included, when the user changes their own password", async () => {
    const w = await world();
    const other = await freshToken(w.officer.id); // e.g. another device
    expect(await survives(w.officer, () => changeOwnPassword({ currentPassword: "officer-password-2026", newPassword: "a brand new passphrase" }))).toBe(false);
    actAs(other);
    expect(await getCurrentUser()).toBeNull();
  });

  it("ends only this session on sign-out: the same token is refused, another device stays signed in", async () => {
    const w = await world();
    const other = await freshToken(w.officer.id); // e.g. another device
    expect(
      await survives(w.officer, async () => {
        const me = await getCurrentUser();
        await endCurrentSession(me!);
      }),
    ).toBe(false);
    actAs(other);
    expect(await getCurrentUser()).not.toBeNull();
    expect(await prisma.revokedSession.count({ where: { userId: w.officer.id } })).toBe(1);
    const signOut = await prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.signOut", actorId: w.officer.id } });
    expect(signOut).toMatchObject({ actorId: w.officer.id, entityId: w.officer.id, outcome: "SUCCESS", ip: TEST_IP, userAgent: TEST_USER_AGENT });
  });
});

describe("authorize", () => {
  it("throws AuthzError('unauthenticated') without a session, and audits nothing", async () => {
    await world();
    actAsNobody();
    const before = await prisma.auditEvent.count();
    await expect(authorize("account.read")).rejects.toSatisfy((e) => e instanceof AuthzError && e.code === "unauthenticated");
    expect(await prisma.auditEvent.count()).toBe(before);
  });

  it("throws AuthzError('forbidden') for a district officer creating users, and writes a DENIED audit event", async () => {
    const w = await world();
    actAs(w.officer);
    const error = await authorize("users.create").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthzError);
    expect((error as AuthzError).code).toBe("forbidden");
    const denied = await prisma.auditEvent.findMany({ where: { outcome: "DENIED", actorId: w.officer.id } });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({
      actorId: w.officer.id,
      actorEmail: w.officer.email,
      actorRole: "DISTRICT_OFFICER",
      action: "users.create",
      entity: "Permission",
      outcome: "DENIED",
      ip: TEST_IP,
      userAgent: TEST_USER_AGENT,
    });
  });

  it("refuses the real mutation too: a district officer's createUser changes nothing but the DENIED event", async () => {
    const w = await world();
    actAs(w.officer);
    const before = await tableCounts();
    await expect(createUser({ email: "new@x.cn", name: "新人", role: "CITY_ADMIN", regionId: null, organizationId: null, practitionerId: null })).rejects.toBeInstanceOf(AuthzError);
    expect(await tableCounts()).toEqual({ ...before, audit: before.audit + 1 });
    expect(await prisma.user.findUnique({ where: { email: "new@x.cn" } })).toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "users.create", outcome: "DENIED", actorId: w.officer.id } })).toBe(1);
  });

  it("allows what the matrix allows and returns the current user", async () => {
    const w = await world();
    actAs(w.admin);
    await expect(authorize("users.create")).resolves.toMatchObject({ id: w.admin.id, role: "CITY_ADMIN" });
    actAs(w.officer);
    await expect(authorize("organizations.read", { regionPath: `${w.district.path}x/` })).resolves.toMatchObject({ id: w.officer.id });
    await expect(authorize("organizations.read", { regionPath: "/elsewhere/" })).rejects.toBeInstanceOf(AuthzError);
  });

  it("a disabled user is unauthenticated, not merely forbidden", async () => {
    const w = await world();
    actAs(w.admin);
    await prisma.user.update({ where: { id: w.admin.id }, data: { disabledAt: new Date() } });
    await expect(authorize("users.read")).rejects.toSatisfy((e) => e instanceof AuthzError && e.code === "unauthenticated");
  });
});
