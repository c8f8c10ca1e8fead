import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS } from "@/domain/staff/import-columns";
import { IMPORT_ERRORS } from "@/domain/staff/import-validate";
import { LOCALES } from "@/lib/locales";
import { loadMessages } from "@/i18n/load-messages";

// The staff import and transfer build some catalogue keys at run time (file problems, column
// formats, enum labels, dotted error codes): every one of them must exist in every language.

const ROOT = path.resolve(import.meta.dirname, "../..");
const has = (cat: unknown, key: string) => typeof key.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), cat) === "string";
const read = (rel: string) => readFileSync(path.join(ROOT, rel), "utf8");

function keys(): string[] {
  const problems = [...read("src/server/staff-import/read.ts").matchAll(/"(\w+)"/g)].map((m) => m[1]!).filter((p) => /^(file|tooMany|missing)/.test(p));
  expect(problems).toEqual(expect.arrayContaining(["fileRequired", "fileTooLarge", "fileType", "fileEmpty", "tooManyRows", "missingColumns"]));
  const dotted = ["src/server/staff/mutations.ts", "src/server/staff-import/mutations.ts"].flatMap((f) => [...read(f).matchAll(/new DomainError\("(staff\.[\w.]+)"/g)].map((m) => m[1]!));
  expect(dotted.length).toBeGreaterThan(4);
  return [
    ...problems.map((p) => `staff.import.fileErrors.${p}`),
    ...Object.values(IMPORT_ERRORS),
    ...dotted,
    ...IMPORT_COLUMNS.map((c) => `practitioners.fields.${c.field}`),
    ...IMPORT_COLUMNS.map((c) => `staff.import.template.formats.${c.kind}`),
    ...IMPORT_COLUMNS.flatMap((c) => (c.values ?? []).map((v) => `enums.${c.enumKey}.${v}`)),
    ...["onePerRow", "idNumber", "existing", "entry", "multi", "dates", "limits", "languages"].map((k) => `staff.import.template.notes.${k}`),
    ...["PREVIEW", "QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED"].map((s) => `enums.importStatus.${s}`),
    ...["LEFT", "MOVED"].flatMap((k) => [`enums.employmentEnd.${k}`, `staff.transfer.kinds.${k}`]),
  ];
}

describe("staff messages built at run time", () => {
  it("exist in every language", () => {
    const all = keys();
    for (const l of LOCALES) {
      const cat = loadMessages(l, ROOT);
      expect(all.filter((k) => !has(cat, k)), l).toEqual([]);
    }
  });
});
