import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS, PERMISSIONS, ROLES } from "@/domain/authz/matrix";
import { NAV_ITEMS } from "@/features/shell/navigation";
import { loadMessages } from "@/i18n/load-messages";

// The three catalogues must agree with each other and with the code that reads them.
// Keys the code asks for are checked by the typecheck against the English catalogue
// (src/i18n/app-config.d.ts; proofs in typed-messages.test.ts); here: that the other two
// catalogues have exactly the same keys and arguments, the keys built from the database's
// and the matrix's own lists, and what the types cannot see (messages written in zod schemas).

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

  it("e-mails", () => {
    const keys = ["welcome", "reset"].flatMap((k) => [`email.${k}.subject`, `email.${k}.body`]);
    expect(keys.filter((k) => !hans.has(k))).toEqual([]);
    // The e-mail bodies receive {name}, {link} and {hours}: each locale must use the link.
    for (const l of LOCALES) for (const k of ["welcome", "reset"]) expect(icuArguments(String(leafMaps[l].get(`email.${k}.body`))), `${l} email.${k}.body`).toContain("link");
  });

  it("validation.*: every message a schema in src/domain can give", () => {
    // Zod takes its messages as plain strings, which the typecheck cannot follow from the schema
    // to the form (src/features/action.ts takes them as TFieldErrorCode): check them here. A plain
    // code is a key under "validation", a dotted one a full key; `${V}.code` resolves V in its file.
    const codes = new Map<string, string>();
    const CALL = /\.(?:min|max|length|regex|email|url|enum|int|positive|nonnegative|refine|literal|uuid|cuid|date)\([^()"`]*(?:\([^()]*\)[^()"`]*)*(?:"([\w.]+)"|`\$\{(\w+)\}\.(\w+)`)\s*\)/g;
    // addIssue({ message: "x" }), { message: "x" }, { error: (issue) => … "x" }
    const OPTION = /(?:message:|error:\s*\([^)]*\)\s*=>)[^,}]*?(?:"([\w.]+)"|`\$\{(\w+)\}\.(\w+)`)/g;
    for (const s of sourcesUnder("src/features/")) {
      if (!/from "zod"/.test(s.text)) continue;
      const prefixes = new Map([...s.text.matchAll(/const\s+(\w+)\s*=\s*"([\w.]+)";/g)].map((m) => [m[1]!, m[2]!]));
      for (const m of [...s.text.matchAll(CALL), ...s.text.matchAll(OPTION)]) {
        const code = m[1] ?? `${prefixes.get(m[2]!) ?? `?${m[2]}`}.${m[3]}`;
        codes.set(code.includes(".") ? code : `validation.${code}`, s.file);
      }
      // Feature codes held in constants (const W = "posts.validation.wholeNumber").
      for (const c of matchAll(s.text, /^[^/]*"(\w+\.validation\.\w+)"/gm)) codes.set(c, s.file);
    }
    // The scan must find what it is meant to check: plain, dotted and prefixed codes.
    for (const must of ["validation.required", "validation.passwordMismatch", "posts.validation.wholeNumber", "agencyApplications.validation.creditCodeCheck", "association.validation.memberNotFound"]) {
      expect([...codes.keys()], must).toContain(must);
    }
    const missing = [...codes].filter(([key]) => !hans.has(key)).map(([key, file]) => `${file}: ${key}`);
    expect(missing, missing.join("\n")).toEqual([]);
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
});
