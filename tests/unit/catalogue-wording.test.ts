import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/load-messages";

// Wording rules a reviewer of the screenshots found broken (issue 11 review, items E, N, T): Chinese
// text uses full-width colons and brackets, also where code joins a label to a value; English text
// names certificate levels in English; the public form's example number has the demo's shape.

const ROOT = path.resolve(import.meta.dirname, "../..");
type TTree = Record<string, unknown>;

function leaves(obj: TTree, prefix = ""): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]): [string, string][] => {
    const key = prefix ? `${prefix}.${k}` : k;
    return v !== null && typeof v === "object" ? leaves(v as TTree, key) : [[key, String(v)]];
  });
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== "generated") walk(full, out);
    } else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

const CJK = "[\\u3400-\\u9fff\\u3000-\\u303f\\uff00-\\uffef]";
/**
 * A half-width colon or bracket that touches Chinese text or an ICU argument ({name}), spaces
 * between them ignored: "发证日期: {date}", "机构会员 ({count})", "{label}: {value}".
 */
const HALF_WIDTH_IN_CHINESE = new RegExp(`(?:${CJK}|[{}])\\s*[:()]|[:()]\\s*(?:${CJK}|[{}])`);

function halfWidthPunctuation(message: string): boolean {
  return HALF_WIDTH_IN_CHINESE.test(message);
}

/**
 * Code that glues punctuation to a translated label instead of letting the catalogue place it:
 * `{t("x")}: …` in JSX, `${t("x")}: …` or `${a} (${b})` in a template. Use common.labelled,
 * common.colon or common.parenthetical, whose Chinese forms are full-width.
 */
const GLUED = [/\bt\w*\("[^"]*"(?:,[^()]*)?\)\}:/, /\$\{t\w*\("[^"]*"(?:,[^()]*)?\)\}: /, /\$\{[^{}]+\} \(\$\{/];

describe("Chinese punctuation", () => {
  it("the rule finds half-width colons and brackets beside Chinese text or arguments, and nothing else", () => {
    for (const bad of ["发证日期: 2026", "当前等级:未评级", "机构会员 (6)", "证书（12) 条", "{label}: {value}", "{text} ({note})"]) expect(halfWidthPunctuation(bad), bad).toBe(true);
    for (const ok of ["发证日期：2026", "机构会员（6）", "G1.b（副高级职称）", "{label}：{value}", "https://example.org", "ZJ20240112345", "{count, plural, other {# 条}}"]) expect(halfWidthPunctuation(ok), ok).toBe(false);
  });

  it("the zh-Hans and zh-Hant catalogues use full-width colons and brackets", () => {
    const bad = (["zh-Hans", "zh-Hant"] as const).flatMap((l) =>
      leaves(loadMessages(l, ROOT))
        .filter(([, v]) => halfWidthPunctuation(v))
        .map(([k, v]) => `${l} ${k}: ${v}`),
    );
    expect(bad, bad.join("\n")).toEqual([]);
  });

  it("no code joins a colon or brackets to a translated label itself", () => {
    const found: string[] = [];
    for (const file of walk(path.join(ROOT, "src"))) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (GLUED.some((re) => re.test(line))) found.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found, found.join("\n")).toEqual([]);
  });
});

describe("English names certificate levels in English (item E)", () => {
  it("no English message holds a Chinese certificate-level name: it takes enums.credentialKind as an argument", () => {
    const zhLevels = Object.values((loadMessages("zh-Hans", ROOT).enums as { credentialKind: Record<string, string> }).credentialKind).filter((v) => /社会工作师/.test(v));
    expect(zhLevels.length).toBeGreaterThanOrEqual(3);
    const bad = leaves(loadMessages("en", ROOT)).filter(([, v]) => zhLevels.some((level) => v.includes(level)));
    expect(bad.map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  });
});

describe("the public check's example number (item T)", () => {
  it("has the shape of the demo's certificate numbers (src/server/seed/demo-practitioners.ts: level prefix, year, district, five digits)", () => {
    for (const l of ["zh-Hans", "zh-Hant", "en"] as const) {
      const hint = String((loadMessages(l, ROOT).publicRegister as { verify: { numberHint: string } }).verify.numberHint);
      const example = /[A-Z]{2}\d{6,}/.exec(hint)?.[0];
      expect(example, `${l}: ${hint}`).toMatch(/^(ZL|ZJ|GJ)20\d{2}\d{2}\d{5}$/);
    }
  });
});
