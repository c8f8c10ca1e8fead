import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS, PERMISSIONS, ROLES } from "@/domain/authz/matrix";
import { NAV_ITEMS } from "@/features/shell/navigation";
import { passwordProblemKey } from "@/domain/accounts/schemas";
import { loadMessages } from "@/i18n/load-messages";

// The three catalogues must agree with each other and with the code that reads them.
// Keys the code builds at run time (roles.${role} …) are enumerated from their sources
// of truth below; plain string-literal keys are found by a deliberately simple scanner.

const ROOT = path.resolve(import.meta.dirname, "../..");
const LOCALES = ["zh-Hans", "zh-Hant", "en"] as const;
type TCatalogue = Record<string, unknown>;

const read = (rel: string) => readFileSync(path.join(ROOT, rel), "utf8");
const catalogues = Object.fromEntries(LOCALES.map((l) => [l, loadMessages(l, ROOT) as TCatalogue])) as Record<(typeof LOCALES)[number], TCatalogue>;

function leaves(obj: TCatalogue, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) for (const [kk, vv] of leaves(v as TCatalogue, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}
const leafMaps = Object.fromEntries(LOCALES.map((l) => [l, leaves(catalogues[l])])) as Record<(typeof LOCALES)[number], Map<string, unknown>>;
const hans = leafMaps["zh-Hans"];

// ---------------------------------------------------------------------------------------
// ICU argument names: {name}, {count, plural, one {…} other {…}}, {d, date, short}.

function icuArguments(message: string): string[] {
  const found = new Set<string>();
  let i = 0;
  // Parses a message until an unmatched "}" (end of a plural/select branch) or the end.
  function message_(): void {
    while (i < message.length) {
      const c = message[i];
      if (c === "'" && (message[i + 1] === "{" || message[i + 1] === "}")) {
        // Quoted literal brace: skip to the closing quote.
        const end = message.indexOf("'", i + 1);
        i = end < 0 ? message.length : end + 1;
      } else if (c === "{") {
        i++;
        argument();
      } else if (c === "}") {
        return;
      } else i++;
    }
  }
  function readUntil(stops: string): string {
    const start = i;
    while (i < message.length && !stops.includes(message[i]!)) i++;
    return message.slice(start, i).trim();
  }
  function argument(): void {
    const name = readUntil(",}");
    if (name) found.add(name);
    if (message[i] === "}") return void i++;
    i++; // ","
    const type = readUntil(",}");
    if (message[i] === "}") return void i++;
    i++; // ","
    if (type === "plural" || type === "select" || type === "selectordinal") {
      for (;;) {
        while (/\s/.test(message[i] ?? "")) i++;
        if (i >= message.length) return;
        if (message[i] === "}") return void i++;
        readUntil("{}"); // selector, e.g. "one", "=0", "offset:1 other"
        if (message[i] !== "{") return;
        i++;
        message_();
        i++; // closing "}" of the branch
      }
    }
    // Any other style: skip to the matching brace.
    let depth = 1;
    while (i < message.length && depth > 0) {
      if (message[i] === "{") depth++;
      else if (message[i] === "}") depth--;
      i++;
    }
  }
  message_();
  return [...found].sort();
}

// ---------------------------------------------------------------------------------------
// Source scanning helpers.

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== "generated" && name !== "node_modules") walk(full, out);
    } else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}
const SOURCES = walk(path.join(ROOT, "src")).map((file) => ({ file: path.relative(ROOT, file), text: readFileSync(file, "utf8") }));
const sourcesUnder = (prefix: string, re: RegExp = /./) => SOURCES.filter((s) => (prefix === "src/features/" ? /^src\/(features|domain)\//.test(s.file) : s.file.startsWith(prefix)) && re.test(s.file));

function prismaEnum(name: string): string[] {
  const m = new RegExp(`enum\\s+${name}\\s*\\{([^}]*)\\}`).exec(read("prisma/schema.prisma"));
  if (!m) throw new Error(`enum ${name} not found in prisma/schema.prisma`);
  return m[1]!
    .split("\n")
    .map((l) => l.replace(/\/\/.*$/, "").trim())
    .filter((l) => /^[A-Z][A-Z0-9_]*$/.test(l));
}

const matchAll = (text: string, re: RegExp, group = 1) => [...text.matchAll(re)].map((m) => m[group]!);

/**
 * Literal keys passed to a translator: `const t = [await] getTranslations("ns")` /
 * `useTranslations("ns")` / `const [t, …] = await Promise.all([getTranslations("ns"), …])`,
 * then `t("key")` or `t(\`key\`)` without interpolation. Each call is resolved against the
 * nearest preceding declaration of the same variable in the file (one per function in practice).
 */
function literalKeyUses(text: string): { key: string; line: number }[] {
  const decl =
    /const\s+(?:(\w+)|\[\s*(\w+)\s*,[^\]]*\])\s*=\s*(?:await\s+)?(?:Promise\.all\(\[\s*)?(?:getTranslations|useTranslations)\(\s*(?:(["'])([^"']*)\3|\{[^}]*?namespace:\s*(["'])([^"']*)\5[^}]*\})?\s*\)/g;
  const decls = [...text.matchAll(decl)].map((m) => ({ name: (m[1] ?? m[2])!, ns: m[4] ?? m[6] ?? "", at: m.index! }));
  const uses: { key: string; line: number }[] = [];
  for (const name of new Set(decls.map((d) => d.name))) {
    const call = new RegExp(`(?<![\\w.])${name}(?:\\.(?:rich|markup|raw|has))?\\(\\s*(?:"([^"\\n]+)"|'([^'\\n]+)'|\`([^\`$\\n]+)\`)`, "g");
    for (const m of text.matchAll(call)) {
      const owner = decls.filter((d) => d.name === name && d.at < m.index!).at(-1);
      if (!owner) continue;
      const key = m[1] ?? m[2] ?? m[3]!;
      uses.push({ key: owner.ns ? `${owner.ns}.${key}` : key, line: text.slice(0, m.index).split("\n").length });
    }
  }
  return uses;
}

// ---------------------------------------------------------------------------------------

describe("i18n catalogues agree with each other", () => {
  it("have exactly the same leaf keys", () => {
    const all = new Set(LOCALES.flatMap((l) => [...leafMaps[l].keys()]));
    const report: string[] = [];
    for (const l of LOCALES) {
      const missing = [...all].filter((k) => !leafMaps[l].has(k));
      if (missing.length) report.push(`${l} is missing: ${missing.join(", ")}`);
    }
    expect(report, report.join("\n")).toEqual([]);
  });

  it("hold only non-empty strings", () => {
    const bad: string[] = [];
    for (const l of LOCALES) {
      for (const [k, v] of leafMaps[l]) if (typeof v !== "string" || v.trim() === "") bad.push(`${l}: ${k} = ${JSON.stringify(v)}`);
    }
    expect(bad, bad.join("\n")).toEqual([]);
  });

  it("use the same ICU arguments for each key in every locale", () => {
    const bad: string[] = [];
    for (const [key, value] of hans) {
      if (typeof value !== "string") continue;
      const expected = icuArguments(value);
      for (const l of LOCALES) {
        const other = leafMaps[l].get(key);
        if (typeof other !== "string") continue;
        const got = icuArguments(other);
        if (got.join(",") !== expected.join(",")) bad.push(`${key}: zh-Hans {${expected.join("}, {")}} vs ${l} {${got.join("}, {")}}`);
      }
    }
    expect(bad, bad.join("\n")).toEqual([]);
  });

  it("the ICU argument scanner itself works", () => {
    expect(icuArguments("{name}，您好")).toEqual(["name"]);
    expect(icuArguments("第 {from}–{to} 条，共 {total} 条")).toEqual(["from", "to", "total"]);
    expect(icuArguments("{count, plural, =0 {none} one {# item for {who}} other {# items}}")).toEqual(["count", "who"]);
    expect(icuArguments("{g, select, male {He} female {She} other {They}} came on {d, date, short}")).toEqual(["d", "g"]);
    expect(icuArguments("no arguments '{here}'")).toEqual([]);
  });
});

describe("every key the code asks for exists in zh-Hans", () => {
  it("string-literal keys in src/**", () => {
    const uses = SOURCES.flatMap((s) => literalKeyUses(s.text).map((u) => ({ ...u, file: s.file })));
    // The scanner must actually find the keys it is meant to check.
    expect(uses.length).toBeGreaterThan(50);
    expect(uses.some((u) => u.key === "auth.signInTitle" && u.file.includes("login"))).toBe(true);
    const missing = uses.filter((u) => !hans.has(u.key)).map((u) => `${u.file}:${u.line} ${u.key}`);
    expect(missing, missing.join("\n")).toEqual([]);
  });

  it("the literal-key scanner resolves namespaces per declaration", () => {
    const sample = [
      'export async function generateMetadata() { const t = await getTranslations("users"); return { title: t("new") }; }',
      "export default async function Page() { const [t, x] = await Promise.all([getTranslations(), load()]);",
      '  return t("common.save") + t(`nav.users`) + t(`roles.${r}`) + format(t("x")); }',
      'function C() { const t = useTranslations("errorsPage"); return t(\'retry\'); }',
      'const t = await getTranslations({ locale, namespace: "email" }); t("welcome.subject");',
    ].join("\n");
    expect(literalKeyUses(sample).map((u) => u.key).sort()).toEqual(["common.save", "email.welcome.subject", "errorsPage.retry", "nav.users", "users.new", "x"].sort());
  });

  it("dynamic keys built from roles, actions, scopes and navigation", () => {
    const keys = [
      ...ROLES.map((r) => `roles.${r}`),
      ...ROLES.map((r) => `home.roleIntro.${r}`),
      // As the home page builds it.
      ...ACTIONS.map((a) => `capabilities.${a.replaceAll(".", "_")}`),
      ...[...new Set(Object.values(PERMISSIONS).flatMap((row) => Object.values(row) as string[]))].map((s) => `scopes.${s}`),
      ...NAV_ITEMS.map((i) => `nav.${i.key}`),
      ...NAV_ITEMS.filter((i) => i.href !== "/").map((i) => `navHint.${i.key}`),
    ];
    expect(keys.filter((k) => !hans.has(k))).toEqual([]);
  });

  it("dynamic keys built from database enums", () => {
    const enumKeys: [string, string][] = [
      ["orgKinds", "OrganizationKind"],
      ["departmentTypes", "DepartmentType"],
      ["adminLevels", "AdminLevel"],
      ["hospitalLevels", "HospitalLevel"],
      ["audit.outcomes", "AuditOutcome"],
      ["outbox.statuses", "EmailStatus"],
      ["roles", "Role"],
    ];
    const missing: string[] = [];
    for (const [ns, enumName] of enumKeys) {
      const values = prismaEnum(enumName);
      expect(values.length, enumName).toBeGreaterThan(1);
      for (const v of values) if (!hans.has(`${ns}.${v}`)) missing.push(`${ns}.${v}`);
    }
    expect(missing, missing.join("\n")).toEqual([]);
  });

  it("the organisation kinds offered as filters are exactly the database enum", () => {
    // src/server/organizations/queries.ts is server-only: read its list as text.
    const text = read("src/server/organizations/queries.ts");
    const list = /ORGANIZATION_KINDS\s*=\s*\[([^\]]*)\]/.exec(text);
    expect(list).not.toBeNull();
    expect(matchAll(list![1]!, /"([A-Z_]+)"/g).sort()).toEqual(prismaEnum("OrganizationKind").sort());
  });

  it("home figures and e-mails", () => {
    const figures = matchAll(read("src/app/(portal)/page.tsx"), /\{\s*key:\s*"(\w+)",\s*value:/g);
    expect(figures.length).toBeGreaterThan(0);
    const keys = [...figures.map((f) => `home.figures.${f}`), ...["welcome", "reset"].flatMap((k) => [`email.${k}.subject`, `email.${k}.body`])];
    expect(keys.filter((k) => !hans.has(k))).toEqual([]);
    // The e-mail bodies receive {name}, {link} and {hours}: each locale must use the link.
    for (const l of LOCALES) for (const k of ["welcome", "reset"]) expect(icuArguments(String(leafMaps[l].get(`email.${k}.body`))), `${l} email.${k}.body`).toContain("link");
  });

  it("errors.*: every error code an action can return", () => {
    const codes = new Set<string>();
    // Literal codes in action results.
    for (const s of sourcesUnder("src/features/")) for (const c of matchAll(s.text, /\berror:\s*"(\w+)"/g)) codes.add(c);
    // AuthzError codes, from the class's constructor type.
    const authz = /class AuthzError[\s\S]*?constructor\(([^)]*)\)/.exec(read("src/server/auth/session.ts"));
    expect(authz).not.toBeNull();
    for (const c of matchAll(authz![1]!, /"(\w+)"/g)) codes.add(c);
    // DomainErrors without a field are shown under "errors".
    for (const s of sourcesUnder("src/server/")) for (const c of matchAll(s.text, /new DomainError\(\s*"(\w+)"\s*\)/g)) codes.add(c);
    for (const must of ["stale", "checkFields", "unexpected", "forbidden", "unauthenticated", "signInFailed", "notFound", "tokenInvalid"]) expect(codes, must).toContain(must);
    const missing = [...codes].filter((c) => !hans.has(`errors.${c}`));
    expect(missing, missing.map((c) => `errors.${c}`).join("\n")).toEqual([]);
  });

  it("validation.*: every zod message and every field-bound DomainError code", () => {
    const codes = new Set<string>();
    for (const s of sourcesUnder("src/features/", /\.(ts|tsx)$/)) {
      if (!/from "zod"/.test(s.text)) continue;
      // z.string().min(1, "required"), z.enum(X, "required"), z.email("email"), addIssue({ message: "x" })
      for (const c of matchAll(s.text, /\.(?:min|max|length|regex|email|url|enum|int|positive|nonnegative|refine|literal|uuid|cuid|date)\([^()"]*(?:\([^()]*\)[^()"]*)*"(\w+)"\s*\)/g)) codes.add(c);
      for (const c of matchAll(s.text, /message:\s*"(\w+)"/g)) codes.add(c);
    }
    for (const s of sourcesUnder("src/server/")) for (const c of matchAll(s.text, /new DomainError\(\s*"(\w+)"\s*,\s*"\w+"\s*\)/g)) codes.add(c);
    // new DomainError(problem, "newPassword"): every password-policy problem, as passwordProblemKey spells it.
    const problems = matchAll(/type TPasswordProblem\s*=([^;]*);/.exec(read("src/lib/password-policy.ts"))![1]!, /"(\w+)"/g);
    expect(problems.length).toBeGreaterThan(0);
    expect(passwordProblemKey("short")).toBe("password_tooShort");
    for (const p of problems) codes.add(`password_${p}`);
    for (const must of ["required", "email", "passwordMismatch", "invalidScope", "emailTaken", "password_common"]) expect(codes, must).toContain(must);
    const missing = [...codes].filter((c) => !hans.has(`validation.${c}`));
    expect(missing, missing.map((c) => `validation.${c}`).join("\n")).toEqual([]);
  });

  it("zod string checks in src/features carry a catalogue key, so forms never show zod's English default", () => {
    const bare: string[] = [];
    for (const s of sourcesUnder("src/features/")) {
      if (!/from "zod"/.test(s.text)) continue;
      for (const chain of s.text.matchAll(/z\.string\(\)((?:\s*\.\w+\([^()]*\))*)/g)) {
        for (const check of chain[1]!.matchAll(/\.(min|max|length)\(([^()]*)\)/g)) {
          if (!/["'`]/.test(check[2]!)) bare.push(`${s.file}:${s.text.slice(0, chain.index).split("\n").length} .${check[1]}(${check[2]}) has no message key`);
        }
      }
    }
    expect(bare, bare.join("\n")).toEqual([]);
  });

  it("notices.*: every success message an action returns", () => {
    const codes = new Set<string>(["created"]);
    for (const s of sourcesUnder("src/features/", /actions\.ts$/)) {
      for (const c of matchAll(s.text, /\bmessage:\s*"(\w+)"/g)) codes.add(c);
      for (const c of matchAll(s.text, /refAction\([^;]*?,\s*"(\w+)"\s*\)/g)) codes.add(c);
    }
    expect(codes.size).toBeGreaterThan(1);
    const missing = [...codes].filter((c) => !hans.has(`notices.${c}`));
    expect(missing, missing.map((c) => `notices.${c}`).join("\n")).toEqual([]);
  });
});
