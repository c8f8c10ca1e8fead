import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { runImportChunk } from "@/server/imports/chunk";
import type { TChunkResult } from "@/server/staff-import/processor";
import type { TExamRowError } from "@/domain/exams/import";
import type { TPendingSitting } from "./mutations";

// The exam import's chunks, run by the staff import's queue and runner (runImport with this
// processChunk through runImportChunk; docs/decisions/006). Each pending sitting is compared with what is recorded for the person,
// year and level: none → CREATED; the same result → UNCHANGED (importing the same file again
// writes nothing); another result → UPDATED (the official list is the better source; the sitting
// becomes OFFICIAL). A person who left the importer's district since the preview is refused.

export const EXAM_CHUNK = 500;

export async function processExamChunk(jobId: string, token: number, size = EXAM_CHUNK): Promise<TChunkResult> {
  // A refused row keeps no cells (they were resolved at the preview); the report names the row and its problem.
  return runImportChunk<TExamRowError>(jobId, token, size, {
    finishAction: "exams.import.finish",
    refusedData: { raw: {}, idNumberEncrypted: null },
    handle: async ({ tx, jobId, job, actor, actorCols, rows }) => {
      const items = rows.map((r) => ({ ...r, d: r.data as unknown as TPendingSitting }));
      const people = await tx.practitioner.findMany({ where: { id: { in: [...new Set(items.map((i) => i.d.practitionerId))] } }, select: { id: true, regionPath: true } });
      const inScope = new Set(people.filter((p) => job.regionPath === null || (p.regionPath ?? "").startsWith(job.regionPath)).map((p) => p.id));
      const existing = await tx.examSitting.findMany({
        where: { OR: items.map((i) => ({ practitionerId: i.d.practitionerId, year: i.d.year, level: i.d.level })) },
        select: { id: true, practitionerId: true, year: true, level: true, result: true, source: true },
      });
      const was = new Map(existing.map((s) => [`${s.practitionerId}|${s.year}|${s.level}`, s]));
      const refused: { id: bigint; error: TExamRowError }[] = [];
      const audits: Prisma.AuditEventCreateManyInput[] = [];
      const outcomes: { id: bigint; outcome: "CREATED" | "UPDATED" | "UNCHANGED"; practitionerId: string }[] = [];
      const creates: Prisma.ExamSittingCreateManyInput[] = [];
      for (const i of items) {
        if (!inScope.has(i.d.practitionerId)) {
          refused.push({ id: i.id, error: { field: "idNumber", key: "exams.import.rowErrors.notFound" } });
          continue;
        }
        const before = was.get(`${i.d.practitionerId}|${i.d.year}|${i.d.level}`);
        if (!before) {
          creates.push({ practitionerId: i.d.practitionerId, year: i.d.year, level: i.d.level, result: i.d.result, source: "OFFICIAL", enteredById: actor?.id ?? null });
          outcomes.push({ id: i.id, outcome: "CREATED", practitionerId: i.d.practitionerId });
        } else if (before.result === i.d.result) {
          outcomes.push({ id: i.id, outcome: "UNCHANGED", practitionerId: i.d.practitionerId });
        } else {
          await tx.examSitting.update({ where: { id: before.id }, data: { result: i.d.result, source: "OFFICIAL", enteredById: actor?.id ?? null } });
          audits.push({ ...actorCols, action: "exams.import.update", entity: "ExamSitting", entityId: before.id, before: { result: before.result, source: before.source }, after: { result: i.d.result, source: "OFFICIAL", importJobId: jobId, row: i.rowNumber } });
          outcomes.push({ id: i.id, outcome: "UPDATED", practitionerId: i.d.practitionerId });
        }
      }
      if (creates.length) {
        const made = await tx.examSitting.createManyAndReturn({ data: creates, select: { id: true, practitionerId: true, year: true, level: true, result: true } });
        const rowOf = new Map(items.map((i) => [`${i.d.practitionerId}|${i.d.year}|${i.d.level}`, i.rowNumber]));
        for (const m of made) audits.push({ ...actorCols, action: "exams.import.create", entity: "ExamSitting", entityId: m.id, after: { practitionerId: m.practitionerId, year: m.year, level: m.level, result: m.result, source: "OFFICIAL", importJobId: jobId, row: rowOf.get(`${m.practitionerId}|${m.year}|${m.level}`) ?? null } });
      }
      return { outcomes, refused, audits };
    },
  });
}
