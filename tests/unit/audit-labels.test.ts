import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS } from "@/domain/authz/matrix";
import { MEMBER_STATUS_CHANGES } from "@/domain/association/schemas";
import { auditLabelKey } from "@/domain/audit/labels";
import { loadMessages } from "@/i18n/load-messages";

// The audit log names each action and record in the reader's language (issue 11, polish item L):
// every action string the server writes (recordAudit, recordAuditStandalone, the Excel exports) and
// every record kind has a label in the three catalogues. Denied page visits are written under the
// matrix's action names, which read as their capability labels (checked by i18n-catalogues.test.ts).

const ROOT = path.resolve(import.meta.dirname, "../..");
const LOCALES = ["zh-Hans", "zh-Hant", "en"] as const;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

/**
 * What sets an audit event's action: `action: "…"`, `action: cond ? "…" : "…"` (up to the next comma
 * or brace), `const ACTION = "…"`, and `const action = …` passed on as `{ action }`.
 */
const ACTION_EXPRESSION = /\baction\s*:\s*([^,}\n]*)|\bACTION\s*=\s*([^;\n]*)|\b(?:const|let)\s+action\s*=\s*([^;\n]*)/g;
const ACTION_LITERAL = /"([a-z][A-Za-z]*(?:\.[A-Za-z]+)+)"/g;
/** `entity: "User"`, `entity: target?.entity ?? "Permission"`. */
const ENTITY_LITERAL = /\bentity\s*:\s*(?:[^"\n,]*\?\?\s*)?"([A-Z][A-Za-z]*)"/g;
/** Actions built from a template: each expansion is written. Add a new template here with its values. */
const TEMPLATES: Record<string, string[]> = {
  "association.${input.change.toLowerCase()}Member": MEMBER_STATUS_CHANGES.map((c) => `association.${c.toLowerCase()}Member`),
  // A previewed import's start and discard (src/server/staff-import/job-transitions.ts), for each kind of import.
  "${kind.auditPrefix}.start": ["staff.import.start", "trainings.attendanceImport.start", "exams.import.start"],
  "${kind.auditPrefix}.discard": ["staff.import.discard", "trainings.attendanceImport.discard", "exams.import.discard"],
};

function written() {
  const actions = new Set<string>();
  const entities = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const file of [...walk(path.join(ROOT, "src/server")), ...walk(path.join(ROOT, "scripts"))]) {
    const text = readFileSync(file, "utf8");
    // Files that write audit events: through recordAudit, an Excel export, or auditEvent.create(Many) itself.
    if (!/recordAudit|xlsxExport|auditEvent\.create|\bACTION\s*=/.test(text)) continue;
    for (const m of text.matchAll(ACTION_EXPRESSION)) {
      for (const literal of (m[1] ?? m[2] ?? m[3] ?? "").matchAll(ACTION_LITERAL)) actions.add(literal[1]!);
    }
    for (const m of text.matchAll(/\baction\s*:\s*`([^`]*)`/g)) {
      if (TEMPLATES[m[1]!]) TEMPLATES[m[1]!]!.forEach((a) => actions.add(a));
      else unknownTemplates.push(`${path.relative(ROOT, file)}: ${m[1]}`);
    }
    for (const m of text.matchAll(ENTITY_LITERAL)) entities.add(m[1]!);
  }
  return { actions, entities, unknownTemplates };
}

describe("audit log labels", () => {
  const { actions, entities, unknownTemplates } = written();

  it("the scan finds what the server writes", () => {
    // A few written in each way: a literal, a ternary, a constant, an export, a template; and the record kinds.
    for (const a of ["auth.signIn", "users.disable", "users.enable", "staff.transfer", "staff.import.upload", "staff.import.finish", "posts.export", "association.endMember", "cpd.reject", "agencyApplications.return"]) expect([...actions], a).toContain(a);
    for (const e of ["User", "Practitioner", "Credential", "ImportJob", "Permission"]) expect([...entities], e).toContain(e);
    expect(unknownTemplates, "an action built from a template: add its values to TEMPLATES").toEqual([]);
  });

  it("every action the server writes has a label in every locale", () => {
    const missing: string[] = [];
    for (const l of LOCALES) {
      const labels = (loadMessages(l, ROOT).auditLabels as { actions: Record<string, string> }).actions;
      for (const a of actions) if (!labels[auditLabelKey(a)]) missing.push(`${l}: auditLabels.actions.${auditLabelKey(a)} (${a})`);
    }
    expect(missing, missing.join("\n")).toEqual([]);
  });

  it("every record kind the server writes has a label in every locale", () => {
    const missing: string[] = [];
    for (const l of LOCALES) {
      const labels = (loadMessages(l, ROOT).auditLabels as { entities: Record<string, string> }).entities;
      for (const e of entities) if (!labels[e]) missing.push(`${l}: auditLabels.entities.${e}`);
    }
    expect(missing, missing.join("\n")).toEqual([]);
  });

  it("the label keys are the action names with underscores, and none collides with another", () => {
    expect(auditLabelKey("staff.import.upload")).toBe("staff_import_upload");
    const all = [...new Set([...actions, ...ACTIONS])];
    expect(new Set(all.map(auditLabelKey)).size).toBe(all.length);
  });
});
