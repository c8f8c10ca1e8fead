import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { getLocale } from "next-intl/server";
import { prisma } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { readImportFile } from "@/server/staff-import/read";
import type { TUpload } from "@/server/staff-import/mutations";
import { discardPreviewJob, startPreviewJob, type TPreviewJobKind } from "@/server/staff-import/job-transitions";
import { scopeOf } from "@/domain/authz/matrix";
import { DomainError } from "@/domain/common/errors";
import { isLocale, localeToDb } from "@/lib/locales";
import { ATTENDANCE_FIELDS, ATTENDANCE_REQUIRED, checkAttendanceRow, type TAttendanceRowError, type TAttendanceRowValue } from "@/domain/trainings/attendance-import";
import type { TImportRef } from "@/domain/staff/schemas";
import { attendanceLabelIndex } from "./labels";

// The attendance import (issue 12 §1) on the staff import's machinery (docs/decisions/006 and
// 013): an ImportJob of kind "attendance" for one provider, one ImportRow per sheet row — PENDING
// with the marks it will write (programme, session, enrolment, present), or INVALID with its
// problems — previewed, then started and run in chunks by the same queue (processor.ts).

const ACTION = "trainings.attendance" as const;
export const KIND = "attendance";
const INSERT_BATCH = 1000;

/** What a pending row will write: no personal data, only ids and the mark. */
export type TPendingMark = { trainingId: string; sessionId: string; enrolmentId: string; present: boolean };

/** The provider an import is for: the caller's own, or (the city) the one chosen. */
async function providerOf(actor: TCurrentUser, chosen: string | null): Promise<string> {
  if (scopeOf(actor.role, ACTION) === "organization") {
    if (!actor.organizationId) throw new DomainError("trainings.errors.notProvider");
    return actor.organizationId;
  }
  const org = chosen ? await prisma.organization.findFirst({ where: { id: chosen, kind: "TRAINING_PROVIDER" }, select: { id: true } }) : null;
  if (!org) throw new DomainError("trainings.validation.providerRequired", "providerId");
  return org.id;
}

/**
 * Checks every row against the provider's programmes: the reference is one of its programmes,
 * running; the session is one of that programme's; the participant (by number, or by name and
 * phone) holds a place in it; the same person and session only once in the file.
 */
export async function resolveRows(providerId: string, rows: { rowNumber: number; raw: Record<string, string> }[]) {
  const checked = rows.map((r) => checkAttendanceRow(r.rowNumber, r.raw));
  const refs = [...new Set(checked.flatMap((c) => (c.ok ? [c.value.reference] : [])))];
  const trainings = refs.length
    ? await prisma.training.findMany({
        where: { providerId, reference: { in: refs } },
        select: {
          id: true,
          reference: true,
          status: true,
          sessions: { select: { id: true, number: true } },
          enrolments: { select: { id: true, number: true, status: true, practitioner: { select: { name: true, phone: true } } } },
        },
      })
    : [];
  const byRef = new Map(trainings.map((t) => [t.reference, t]));
  type TOut = { rowNumber: number; raw: Record<string, string>; pending: TPendingMark | null; errors: TAttendanceRowError[] | null };
  const out: TOut[] = checked.map((c) => {
    if (!c.ok) return { rowNumber: c.rowNumber, raw: c.raw, pending: null, errors: c.errors };
    const v: TAttendanceRowValue = c.value;
    const fail = (field: TAttendanceRowError["field"], key: TAttendanceRowError["key"]): TOut => ({ rowNumber: c.rowNumber, raw: c.raw, pending: null, errors: [{ field, key }] });
    const t = byRef.get(v.reference);
    if (!t) return fail("reference", "trainings.import.rowErrors.programmeNotFound");
    if (t.status !== "PUBLISHED") return fail("reference", "trainings.import.rowErrors.notRunning");
    const session = t.sessions.find((s) => s.number === v.session);
    if (!session) return fail("session", "trainings.import.rowErrors.sessionNotFound");
    let enrolment = v.number !== null ? t.enrolments.find((e) => e.number === v.number) : undefined;
    if (v.number === null) {
      const matches = t.enrolments.filter((e) => e.practitioner.name === v.name && e.practitioner.phone === v.phone && e.status !== "WITHDRAWN");
      if (matches.length > 1) return fail("name", "trainings.import.rowErrors.ambiguous");
      enrolment = matches[0];
    } else if (enrolment && v.name && enrolment.practitioner.name !== v.name) {
      return fail("name", "trainings.import.rowErrors.participantMismatch");
    }
    if (!enrolment) return fail(v.number !== null ? "number" : "name", "trainings.import.rowErrors.participantNotFound");
    if (enrolment.status !== "ENROLLED") return fail(v.number !== null ? "number" : "name", "trainings.import.rowErrors.notEnrolled");
    return { rowNumber: c.rowNumber, raw: c.raw, pending: { trainingId: t.id, sessionId: session.id, enrolmentId: enrolment.id, present: v.present }, errors: null };
  });
  // The same person and session twice: neither row is guessed right.
  const seen = new Map<string, number[]>();
  out.forEach((o, i) => o.pending && seen.set(`${o.pending.sessionId}|${o.pending.enrolmentId}`, [...(seen.get(`${o.pending.sessionId}|${o.pending.enrolmentId}`) ?? []), i]));
  for (const idx of seen.values()) {
    if (idx.length < 2) continue;
    for (const i of idx) out[i] = { ...out[i]!, pending: null, errors: [{ field: "number", key: "trainings.import.rowErrors.duplicate" }] };
  }
  return out;
}

/** Upload: read and check every row (nothing is written to attendance), store the job in PREVIEW. */
export async function createAttendanceImport(upload: TUpload | null, chosenProvider: string | null = null): Promise<{ id: string; totalRows: number; errorRows: number }> {
  const actor = await authorize(ACTION);
  const providerId = await providerOf(actor, chosenProvider);
  const meta = await getRequestMeta();
  const { rows } = await readImportFile(upload?.bytes ?? null, attendanceLabelIndex(), { fields: ATTENDANCE_FIELDS, required: ATTENDANCE_REQUIRED });
  const prepared = await resolveRows(providerId, rows);
  const errorRows = prepared.filter((p) => p.errors).length;
  const locale = await getLocale().catch(() => null);
  const name = (upload!.name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || "attendance.xlsx";
  const job = await prisma.$transaction(
    async (tx) => {
      const created = await tx.importJob.create({
        data: { kind: KIND, organizationId: providerId, createdById: actor.id, originalName: name, locale: isLocale(locale) ? localeToDb(locale) : null, totalRows: prepared.length, errorRows },
        select: { id: true },
      });
      for (let i = 0; i < prepared.length; i += INSERT_BATCH) {
        await tx.importRow.createMany({
          data: prepared.slice(i, i + INSERT_BATCH).map((p) => ({
            jobId: created.id,
            rowNumber: p.rowNumber,
            status: p.pending ? ("PENDING" as const) : ("INVALID" as const),
            data: (p.pending ?? { raw: p.raw }) as unknown as Prisma.InputJsonValue,
            errors: (p.errors ?? undefined) as Prisma.InputJsonValue | undefined,
          })),
        });
      }
      await recordAudit(tx, { actor: auditActor(actor), action: "trainings.attendanceImport.upload", entity: "ImportJob", entityId: created.id, after: { originalName: name, organizationId: providerId, totalRows: prepared.length, errorRows }, meta });
      return created;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { id: job.id, totalRows: prepared.length, errorRows };
}

/** The caller's attendance jobs: a provider's own, the city's every one. */
export function attendanceJobScope(user: TCurrentUser): Prisma.ImportJobWhereInput {
  return scopeOf(user.role, ACTION) === "city" ? { kind: KIND } : { kind: KIND, organizationId: user.organizationId ?? "\u0000none" };
}

/** The attendance import's previewed jobs, in the caller's scope. */
const attendanceJobs = (actor: TCurrentUser): TPreviewJobKind => ({
  jobWhere: attendanceJobScope(actor),
  auditPrefix: "trainings.attendanceImport",
  notPreview: "trainings.import.errors.notPreview",
  nothingToImport: "trainings.import.errors.nothingToImport",
});

/** Start: PREVIEW → QUEUED; the queue runs it (rows with problems are skipped, as the preview says). */
export async function startAttendanceImport(input: TImportRef): Promise<{ id: string }> {
  const actor = await authorize(ACTION);
  return startPreviewJob(actor, attendanceJobs(actor), input);
}

/** Discard a preview: nothing was written; its rows are deleted. */
export async function discardAttendanceImport(input: TImportRef): Promise<{ id: string }> {
  const actor = await authorize(ACTION);
  return discardPreviewJob(actor, attendanceJobs(actor), input);
}
