import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { getLocale } from "next-intl/server";
import { env } from "@/env";
import { prisma } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { AuthzError, authorize, type TCurrentUser } from "@/server/auth/session";
import { practitionerScope } from "@/server/authz/scope";
import { readImportFile } from "@/server/staff-import/read";
import type { TUpload } from "@/server/staff-import/mutations";
import { discardPreviewJob, startPreviewJob, type TPreviewJobKind } from "@/server/staff-import/job-transitions";
import { scopeOf } from "@/domain/authz/matrix";
import { todayInCity } from "@/domain/common/calendar-day";
import { isLocale, localeToDb } from "@/lib/locales";
import { encryptIdNumber, idNumberLookupHash } from "@/lib/id-crypto";
import { checkExamRow, duplicateKeys, EXAM_IMPORT_FIELDS, EXAM_IMPORT_REQUIRED, type TExamRowError } from "@/domain/exams/import";
import { EXAM_MIN_AGE, type TExamLevel, type TExamResult } from "@/domain/exams/rules";
import type { TImportRef } from "@/domain/staff/schemas";
import { canImportSittings } from "../scope";
import { examLabelIndex } from "./labels";

// The exam-sitting import (issue 12, G2) on the staff import's machinery (docs/decisions/006, 015,
// 016): an ImportJob of kind "exams" made by an official (no organisation; a district officer's
// keeps the district's path), one ImportRow per sheet row — PENDING with the sitting it will write
// (person, year, level, result: no ID number), or INVALID with its problems and its cells as typed
// (the ID number encrypted) for the error report — previewed, then started and run in chunks by
// the same queue (processor.ts).

const ACTION = "exams.record" as const;
export const EXAM_IMPORT_KIND = "exams";
const INSERT_BATCH = 1000;

/** What a pending row will write. */
export type TPendingSitting = { practitionerId: string; year: number; level: TExamLevel; result: TExamResult };
/** What a refused row keeps: its cells as typed, the ID number encrypted. */
export type TInvalidSitting = { raw: Record<string, string>; idNumberEncrypted: string | null };

function importer(actor: TCurrentUser) {
  if (!canImportSittings(actor)) throw new AuthzError("forbidden");
  return actor;
}

const invalid = (key: string, raw: Record<string, string>): TInvalidSitting => {
  const { idNumber, ...rest } = raw;
  return { raw: rest, idNumberEncrypted: idNumber?.trim() ? encryptIdNumber(key, idNumber) : null };
};

/**
 * Checks every row: its own cells, then the person — the ID number must be in the register within
 * the caller's scope (anyone else reads as not found), the name (when given) must be theirs, the
 * year not before they were 16 — and the same person, year and level only once in the file.
 */
export async function resolveExamRows(actor: TCurrentUser, rows: { rowNumber: number; raw: Record<string, string> }[], now = new Date()) {
  const key = env.ID_ENCRYPTION_KEY;
  const labels = examLabelIndex();
  const currentYear = todayInCity(now).getUTCFullYear();
  const checked = rows.map((r) => checkExamRow(r.rowNumber, r.raw, labels, currentYear));
  const hashOf = new Map(checked.flatMap((c) => (c.ok ? [[c.rowNumber, idNumberLookupHash(key, c.value.idNumber)] as const] : [])));
  const hashes = [...new Set(hashOf.values())];
  const people = hashes.length
    ? await prisma.practitioner.findMany({ where: { AND: [practitionerScope(actor, ACTION), { idNumberHash: { in: hashes } }] }, select: { id: true, name: true, birthDate: true, idNumberHash: true } })
    : [];
  const byHash = new Map(people.map((p) => [p.idNumberHash!, p]));
  type TOut = { rowNumber: number; raw: Record<string, string>; pending: TPendingSitting | null; errors: TExamRowError[] | null };
  const out: TOut[] = checked.map((c) => {
    if (!c.ok) return { rowNumber: c.rowNumber, raw: c.raw, pending: null, errors: c.errors };
    const fail = (field: TExamRowError["field"], k: TExamRowError["key"]): TOut => ({ rowNumber: c.rowNumber, raw: c.raw, pending: null, errors: [{ field, key: k }] });
    const person = byHash.get(hashOf.get(c.rowNumber)!);
    if (!person) return fail("idNumber", "exams.import.rowErrors.notFound");
    if (c.value.name && c.value.name !== person.name) return fail("name", "exams.import.rowErrors.nameMismatch");
    if (person.birthDate && c.value.year < person.birthDate.getUTCFullYear() + EXAM_MIN_AGE) return fail("year", "exams.import.rowErrors.tooYoung");
    return { rowNumber: c.rowNumber, raw: c.raw, pending: { practitionerId: person.id, year: c.value.year, level: c.value.level, result: c.value.result }, errors: null };
  });
  for (const i of duplicateKeys(out.map((o) => ({ key: o.pending ? `${o.pending.practitionerId}|${o.pending.year}|${o.pending.level}` : null })))) {
    out[i] = { ...out[i]!, pending: null, errors: [{ field: "idNumber", key: "exams.import.rowErrors.duplicateInFile" }] };
  }
  return out;
}

/** Upload: read and check every row (nothing is written to the sittings), store the job in PREVIEW. */
export async function createExamImport(upload: TUpload | null, now = new Date()): Promise<{ id: string; totalRows: number; errorRows: number }> {
  const actor = importer(await authorize(ACTION));
  const meta = await getRequestMeta();
  const { rows } = await readImportFile(upload?.bytes ?? null, examLabelIndex(), { fields: EXAM_IMPORT_FIELDS, required: EXAM_IMPORT_REQUIRED });
  const prepared = await resolveExamRows(actor, rows, now);
  const errorRows = prepared.filter((p) => p.errors).length;
  const locale = await getLocale().catch(() => null);
  const name = (upload!.name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || "exams.xlsx";
  const regionPath = scopeOf(actor.role, ACTION) === "district" ? actor.regionPath : null;
  const key = env.ID_ENCRYPTION_KEY;
  const job = await prisma.$transaction(
    async (tx) => {
      const created = await tx.importJob.create({
        data: { kind: EXAM_IMPORT_KIND, organizationId: null, regionPath, createdById: actor.id, originalName: name, locale: isLocale(locale) ? localeToDb(locale) : null, totalRows: prepared.length, errorRows },
        select: { id: true },
      });
      for (let i = 0; i < prepared.length; i += INSERT_BATCH) {
        await tx.importRow.createMany({
          data: prepared.slice(i, i + INSERT_BATCH).map((p) => ({
            jobId: created.id,
            rowNumber: p.rowNumber,
            status: p.pending ? ("PENDING" as const) : ("INVALID" as const),
            data: (p.pending ?? invalid(key, p.raw)) as unknown as Prisma.InputJsonValue,
            errors: (p.errors ?? undefined) as Prisma.InputJsonValue | undefined,
            practitionerId: p.pending?.practitionerId ?? null,
          })),
        });
      }
      await recordAudit(tx, { actor: auditActor(actor), action: "exams.import.upload", entity: "ImportJob", entityId: created.id, after: { originalName: name, regionPath, totalRows: prepared.length, errorRows }, meta });
      return created;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { id: job.id, totalRows: prepared.length, errorRows };
}

/** The caller's exam imports: the city's every one, a district officer's those of their district. */
export function examJobScope(user: TCurrentUser): Prisma.ImportJobWhereInput {
  const scope = scopeOf(user.role, ACTION);
  if (scope === "city") return { kind: EXAM_IMPORT_KIND };
  if (scope === "district" && user.regionPath) return { kind: EXAM_IMPORT_KIND, regionPath: { startsWith: user.regionPath } };
  return { id: { in: [] } };
}

const examJobs = (actor: TCurrentUser): TPreviewJobKind => ({
  jobWhere: examJobScope(actor),
  auditPrefix: "exams.import",
  notPreview: "exams.import.errors.notPreview",
  nothingToImport: "exams.import.errors.nothingToImport",
});

/** Start: PREVIEW → QUEUED; the queue runs it (rows with problems are skipped, as the preview says). */
export async function startExamImport(input: TImportRef): Promise<{ id: string }> {
  const actor = importer(await authorize(ACTION));
  return startPreviewJob(actor, examJobs(actor), input);
}

/** Discard a preview: nothing was written; its rows are deleted. */
export async function discardExamImport(input: TImportRef): Promise<{ id: string }> {
  const actor = importer(await authorize(ACTION));
  return discardPreviewJob(actor, examJobs(actor), input);
}
