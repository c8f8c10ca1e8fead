import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

// The action pipeline (src/features/action.ts) without Next: revalidatePath and redirect are
// recorded, and authorize() is a stand-in that answers from `allowed`.

const calls = vi.hoisted(() => ({ revalidated: [] as string[], authorized: [] as string[], allowed: true as boolean | "signedOut" }));

class RedirectSignal extends Error {
  constructor(public readonly url: string) {
    super(`NEXT_REDIRECT ${url}`);
  }
}

vi.mock("next/cache", () => ({ revalidatePath: (path: string) => void calls.revalidated.push(path) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new RedirectSignal(url);
  },
}));
vi.mock("@/server/auth/session", () => {
  class AuthzError extends Error {
    constructor(public readonly code: "unauthenticated" | "forbidden") {
      super(code);
    }
  }
  return {
    AuthzError,
    authorize: async (action: string) => {
      calls.authorized.push(action);
      if (calls.allowed === "signedOut") throw new AuthzError("unauthenticated");
      if (!calls.allowed) throw new AuthzError("forbidden");
      return { id: "u1", role: "CITY_ADMIN" };
    },
  };
});

const { failureState, formAction, formValues, zodFieldErrors } = await import("@/features/action");
const { AuthzError } = await import("@/server/auth/session");
const { DomainError, StaleEditError } = await import("@/domain/common/errors");

const form = (entries: Record<string, string | File>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};
const redirectOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof RedirectSignal ? e.url : Promise.reject(e)),
  );

const ZThing = z.object({ id: z.string().min(1, "required"), title: z.string().trim().min(1, "required").max(5, "tooLong") });

beforeEach(() => {
  calls.revalidated.length = 0;
  calls.authorized.length = 0;
  calls.allowed = true;
});
afterEach(() => vi.restoreAllMocks());

describe("form values echoed to a refused form", () => {
  it("keeps text fields, never passwords, Next's $ fields, files or the fields named", () => {
    const data = form({ name: "王", password: "secret", newPassword: "x", $ACTION_ID: "1", token: "t", scan: new File(["x"], "a.pdf") });
    expect(formValues(data)).toEqual({ name: "王", token: "t" });
    expect(formValues(data, ["token"])).toEqual({ name: "王" });
  });
});

describe("field errors from a schema", () => {
  it("keep the first message per field, join nested paths and put path-less issues under _", () => {
    const schema = z.object({ a: z.string().min(1, "required").min(3, "tooLong"), b: z.object({ c: z.string().min(1, "invalid") }) });
    const parsed = schema.safeParse({ a: "", b: { c: "" } });
    expect(parsed.success).toBe(false);
    expect(zodFieldErrors(parsed.error!)).toEqual({ a: "required", "b.c": "invalid" });
    const whole = z.string().refine(() => false, "invalid").safeParse("x");
    expect(zodFieldErrors(whole.error!)).toEqual({ _: "invalid" });
  });

  it("a length refused as tooLong carries its limit, for a message that states it", () => {
    const schema = z.object({ name: z.string().trim().max(64, "tooLong"), note: z.string().max(3, "invalid"), tags: z.array(z.string()).max(1, "tooLong") });
    const parsed = schema.safeParse({ name: "x".repeat(65), note: "long", tags: ["a", "b"] });
    expect(zodFieldErrors(parsed.error!)).toEqual({ name: "tooLong:64", note: "invalid", tags: "tooLong:1" });
  });
});

describe("failures as a form state", () => {
  it("maps authorization, stale edits, domain rules and schema errors; keeps the values", () => {
    const values = { title: "x" };
    expect(failureState(new AuthzError("forbidden"), values)).toEqual({ ok: false, error: "forbidden", values });
    expect(failureState(new AuthzError("unauthenticated"))).toEqual({ ok: false, error: "unauthenticated" });
    expect(failureState(new StaleEditError(), values)).toEqual({ ok: false, error: "stale", values });
    expect(failureState(new DomainError("posts.errors.closed"))).toEqual({ ok: false, error: "posts.errors.closed" });
    expect(failureState(new DomainError("posts.validation.orgKind", "organizationId"), values)).toEqual({
      ok: false,
      error: "checkFields",
      fieldErrors: { organizationId: "posts.validation.orgKind" },
      values,
    });
    expect(failureState(ZThing.safeParse({ id: "1", title: "" }).error)).toEqual({ ok: false, error: "checkFields", fieldErrors: { title: "required" } });
  });

  it("logs anything else and shows it as unexpected", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(failureState(new Error("boom"))).toEqual({ ok: false, error: "unexpected" });
    expect(log).toHaveBeenCalledOnce();
  });
});

describe("formAction", () => {
  it("parses, authorizes, runs, revalidates, then redirects outside the catch", async () => {
    const run = vi.fn(async (input: z.infer<typeof ZThing>) => ({ id: `${input.id}-saved` }));
    const action = formAction({ permission: "posts.manage", schema: ZThing, run, revalidate: (input, r) => ["/things", `/things/${r.id}`], done: ({ id }) => ({ redirect: `/things/${id}?saved=1` }) });
    expect(await redirectOf(action({ ok: false }, form({ id: "7", title: " Hi " })))).toBe("/things/7-saved?saved=1");
    expect(run).toHaveBeenCalledWith({ id: "7", title: "Hi" }, expect.objectContaining({ user: { id: "u1", role: "CITY_ADMIN" } }));
    expect(calls.authorized).toEqual(["posts.manage"]);
    expect(calls.revalidated).toEqual(["/things", "/things/7-saved"]);
  });

  it("returns a success state with its notice when there is nowhere to go", async () => {
    const action = formAction({ permission: "plan.updateTarget", schema: ZThing, run: async () => undefined, revalidate: ["/x"], done: () => ({ ok: true, message: "saved" }) });
    expect(await action({ ok: false }, form({ id: "1", title: "a" }))).toEqual({ ok: true, message: "saved" });
    const bare = formAction({ permission: "plan.updateTarget", schema: ZThing, run: async () => undefined });
    expect(await bare({ ok: false }, form({ id: "1", title: "a" }))).toEqual({ ok: true });
  });

  it("a schema failure returns field errors and the values, and neither authorizes nor runs", async () => {
    const run = vi.fn(async () => undefined);
    const action = formAction({ permission: "posts.manage", schema: ZThing, run });
    expect(await action({ ok: false }, form({ id: "1", title: "toolong", password: "p" }))).toEqual({
      ok: false,
      error: "checkFields",
      fieldErrors: { title: "tooLong:5" },
      values: { id: "1", title: "toolong" },
    });
    expect(run).not.toHaveBeenCalled();
    expect(calls.authorized).toEqual([]);
  });

  it("a refused caller never reaches the server function; nothing is revalidated", async () => {
    const run = vi.fn(async () => undefined);
    const action = formAction({ permission: "users.create", schema: ZThing, run, revalidate: ["/x"], echo: false });
    calls.allowed = false;
    expect(await action({ ok: false }, form({ id: "1", title: "a" }))).toEqual({ ok: false, error: "forbidden" });
    calls.allowed = "signedOut";
    expect(await action({ ok: false }, form({ id: "1", title: "a" }))).toEqual({ ok: false, error: "unauthenticated" });
    expect(run).not.toHaveBeenCalled();
    expect(calls.revalidated).toEqual([]);
  });

  it("a public action (permission: null) is not authorized and gets no user", async () => {
    const run = vi.fn(async () => undefined);
    await formAction({ permission: null, schema: ZThing, run })({ ok: false }, form({ id: "1", title: "a" }));
    expect(calls.authorized).toEqual([]);
    expect(run).toHaveBeenCalledWith({ id: "1", title: "a" }, expect.objectContaining({ user: null }));
  });

  it("a domain rule's refusal comes back under its field, with the values", async () => {
    const action = formAction({
      permission: "posts.manage",
      schema: ZThing,
      run: async () => {
        throw new DomainError("posts.validation.alreadyHolding", "practitionerId");
      },
      revalidate: ["/x"],
    });
    expect(await action({ ok: false }, form({ id: "1", title: "a" }))).toEqual({
      ok: false,
      error: "checkFields",
      fieldErrors: { practitionerId: "posts.validation.alreadyHolding" },
      values: { id: "1", title: "a" },
    });
    expect(calls.revalidated).toEqual([]);
  });

  it("`check` adds field errors the schema cannot see, or refuses the form outright", async () => {
    const run = vi.fn(async () => undefined);
    const withScan = formAction({ permission: "credentials.submit", schema: ZThing, check: () => ({ fieldErrors: { scan: "scanRequired" } }), run });
    expect(await withScan({ ok: false }, form({ id: "", title: "a" }))).toMatchObject({ error: "checkFields", fieldErrors: { id: "required", scan: "scanRequired" } });
    expect(await withScan({ ok: false }, form({ id: "1", title: "a" }))).toMatchObject({ error: "checkFields", fieldErrors: { scan: "scanRequired" } });
    const badLink = formAction({ permission: null, schema: ZThing, check: () => ({ error: "agencyApplications.errors.amendLinkInvalid" }), echo: { omit: ["token"] }, run });
    expect(await badLink({ ok: false }, form({ id: "", title: "a", token: "t" }))).toEqual({
      ok: false,
      error: "agencyApplications.errors.amendLinkInvalid",
      values: { id: "", title: "a" },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("`invalid` answers a malformed reference with one code instead of field errors", async () => {
    const action = formAction({ permission: "staff.import", schema: ZThing, invalid: "notFound", echo: false, run: async () => undefined });
    expect(await action({ ok: false }, form({ id: "", title: "" }))).toEqual({ ok: false, error: "notFound" });
  });

  it("`fail` maps the action's own failures first; the rest fall through to the shared mapping", async () => {
    class FileProblem extends Error {}
    let toThrow: Error = new FileProblem();
    const action = formAction<undefined, void, { ok: boolean; error?: "staff.import.fileErrors.notSpreadsheet" | "stale"; detail?: number }>({
      permission: "staff.import",
      echo: false,
      run: async (formData) => {
        expect(formData).toBeInstanceOf(FormData);
        throw toThrow;
      },
      fail: (error) => (error instanceof FileProblem ? { ok: false, error: "staff.import.fileErrors.notSpreadsheet", detail: 1 } : undefined),
    });
    expect(await action({ ok: false }, form({}))).toEqual({ ok: false, error: "staff.import.fileErrors.notSpreadsheet", detail: 1 });
    toThrow = new StaleEditError();
    expect(await action({ ok: false }, form({}))).toEqual({ ok: false, error: "stale" });
  });

  it("a failure after the change is saved (in `done`) is not turned into a form error", async () => {
    const action = formAction({
      permission: "account.changePassword",
      schema: ZThing,
      run: async () => undefined,
      done: () => {
        throw new Error("sign-out failed");
      },
    });
    await expect(action({ ok: false }, form({ id: "1", title: "a" }))).rejects.toThrow("sign-out failed");
  });
});
