import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/load-messages";
import { pickMessages } from "@/i18n/pick-messages";
import { analyse, type TSource } from "../helpers/client-messages";

// Client components receive only the namespaces their server wrapper lists (withMessages). This
// reads every "use client" module with TypeScript's parser, works out which messages it renders
// (its own and those of the client modules it uses) and fails when a wrapper misses one, or when
// a server module renders a translating client component without a wrapper.

const ROOT = path.resolve(import.meta.dirname, "../..");
const catalogue = loadMessages("zh-Hans", ROOT);

function sourcesUnder(dir: string, out: TSource[] = []): TSource[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== "generated") sourcesUnder(full, out);
    } else if (/\.tsx?$/.test(name) && !/\.(test|d)\.tsx?$/.test(name)) {
      out.push({ file: path.relative(ROOT, full).split(path.sep).join("/"), text: readFileSync(full, "utf8") });
    }
  }
  return out;
}

describe("client components get the messages they render", () => {
  const report = analyse(sourcesUnder(path.join(ROOT, "src")), catalogue);

  it("every translation in a client module can be traced to a namespace, and every wrapper provides it", () => {
    expect(report.problems, report.problems.join("\n")).toEqual([]);
  });

  it("finds the client components and their wrappers (the check is not vacuous)", () => {
    expect(report.wrappers.length).toBeGreaterThanOrEqual(30);
    expect(report.required.get("src/features/posts/components/post-form.client.tsx#PostForm")).toEqual(
      expect.arrayContaining(["common.saving", "enums.practiceField", "errors", "posts.form.save", "posts.validation", "validation"]),
    );
    expect(report.rootNamespaces).toEqual(["errorsPage"]);
  });
});

describe("the analysis itself", () => {
  const cat = {
    common: { save: "s", cancel: "c" },
    errors: { x: "x" },
    validation: { x: "x" },
    shop: { title: "t", kinds: { a: "a" }, errors: { sold: "s" }, cart: { empty: "e" } },
    enums: { colour: { RED: "r" }, size: { S: "s" } },
  };
  const client = (file: string, body: string): TSource => ({ file, text: `"use client";\nimport { useTranslations } from "next-intl";\n${body}` });
  const withMessages: TSource = { file: "src/i18n/with-messages.tsx", text: "export function withMessages() {}" };
  const run = (...sources: TSource[]) => analyse([withMessages, ...sources], cat);

  it("reads namespaced, root, template and helper keys, and what inner client components render", () => {
    const r = run(
      client("src/f/inner.tsx", 'export function Inner() { const t = useTranslations("shop.cart"); return t("empty"); }'),
      client(
        "src/f/form.client.tsx",
        'import { Inner } from "./inner";\nimport { messageKey } from "@/lib/message-key";\n' +
          "const LABEL = { a: \"common.save\", b: \"common.cancel\" } as const;\n" +
          'export function Form({ k, code }: { k: "a" | "b"; code: string }) { const t = useTranslations(); const ts = useTranslations("shop");\n' +
          "  return [ts(\"title\"), ts(`kinds.${k}`), t(`enums.colour.${k}`), t(LABEL[k]), t(messageKey(code, \"errors\")), <Inner key=\"i\" />]; }",
      ),
      { file: "src/f/form.tsx", text: 'import { withMessages } from "@/i18n/with-messages";\nimport { Form as C } from "./form.client";\nexport const Form = withMessages(C, ["shop.cart", "enums.colour"]);' },
    );
    expect(r.required.get("src/f/form.client.tsx#Form")).toEqual(["common.cancel", "common.save", "enums.colour", "errors", "shop.cart.empty", "shop.errors", "shop.kinds", "shop.title"]);
    expect(r.problems).toEqual(["src/f/form.tsx:3 withMessages(Form) lacks common.cancel, common.save, errors, shop.errors, shop.kinds, shop.title"]);
  });

  it("flags a server module that renders a translating client component directly, an untraceable key and a list entry nothing renders", () => {
    const r = run(
      client("src/f/a.client.tsx", 'export function A({ k }: { k: string }) { const t = useTranslations(); return t(k); }'),
      client("src/f/b.tsx", 'export function B() { const t = useTranslations("shop"); return t("title"); }'),
      { file: "src/app/page.tsx", text: 'import { B } from "@/f/b";\nexport default function Page() { return <B />; }' },
      { file: "src/f/a.tsx", text: 'import { withMessages } from "@/i18n/with-messages";\nimport { A as C } from "./a.client";\nexport const A = withMessages(C, ["shop"]);' },
    );
    expect(r.problems.sort()).toEqual([
      expect.stringMatching(/^src\/app\/page\.tsx:2 renders the client component B without its messages/),
      expect.stringMatching(/^src\/f\/a\.client\.tsx:3 cannot tell which messages t\(k\) reads/),
      "src/f/a.tsx:3 withMessages(A) lists shop, which it does not render",
    ]);
  });

  it("flags a client module that imports a server wrapper", () => {
    const r = run(
      client("src/f/a.client.tsx", 'export function A() { const t = useTranslations("shop"); return t("title"); }'),
      { file: "src/f/a.tsx", text: 'import { withMessages } from "@/i18n/with-messages";\nimport { A as C } from "./a.client";\nexport const A = withMessages(C, ["shop"]);' },
      client("src/f/b.tsx", 'import { A } from "./a";\nexport function B() { return <A />; }'),
    );
    expect(r.problems).toEqual(["src/f/b.tsx is a client module and imports A from src/f/a.tsx, a server wrapper: import the .client file"]);
  });
});

describe("pickMessages", () => {
  const all = { a: { x: "1", y: { z: "2" } }, b: { w: "3" }, c: "4" };

  it("keeps the listed sub-trees, sharing the catalogue's objects", () => {
    const picked = pickMessages(all, ["a.y", "b"]);
    expect(picked).toEqual({ a: { y: { z: "2" } }, b: { w: "3" } });
    expect((picked.a as { y: unknown }).y).toBe(all.a.y);
    expect(picked.b).toBe(all.b);
  });

  it("lets a shorter path win over a longer one and ignores paths the catalogue lacks", () => {
    expect(pickMessages(all, ["a.y", "a", "nope.nothing"])).toEqual({ a: all.a });
    expect(pickMessages(all, ["a.y", "a"]).a).toBe(all.a);
  });

  it("returns the same object for the same list in any order", () => {
    expect(pickMessages(all, ["b", "a.x"])).toBe(pickMessages(all, ["a.x", "b", "b"]));
  });
});
