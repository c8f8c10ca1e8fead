// The demo city's qualification-exam sittings (plan.md G2), over this year and the two before:
// those whose verified certificate was issued in that window passed the exam at its level (the
// exam is sat in the summer, the certificate follows in the autumn), some after failing it the year
// before; several who completed an exam-preparation programme sat the exam the year it ended
// (some passed, some not); others without a certificate, and assistant social workers trying the
// next level, sat and failed. 李明 (worker@demo.local)
// entered his own: a senior social worker sitting last year (failed) and this year (passed, his
// certificate not yet submitted). Deterministic: people are chosen by id; no sitting before the
// person turned 16.
import type { Prisma } from "@/generated/prisma/client";
import { EXAM_MIN_AGE, type TExamLevel } from "@/domain/exams/rules";

type TDb = Prisma.TransactionClient;
const LEVELS = ["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"] as const;

export async function seedDemoExams(tx: TDb, opts: { today: Date; workerId: string; officialId: string }) {
  const year = opts.today.getUTCFullYear();
  const first = year - 2;
  const people = await tx.practitioner.findMany({
    where: { status: "ACTIVE" },
    orderBy: { id: "asc" },
    select: {
      id: true,
      birthDate: true,
      qualificationLevel: true,
      credentials: { where: { status: "VERIFIED", kind: { in: [...LEVELS] } }, orderBy: { issueDate: "desc" }, take: 1, select: { kind: true, issueDate: true } },
      enrolments: { where: { status: "COMPLETED", training: { kind: "EXAM_PREPARATION" } }, select: { training: { select: { endDate: true } } } },
    },
  });
  const rows = new Map<string, Prisma.ExamSittingCreateManyInput>();
  const add = (practitionerId: string, birthDate: Date | null, y: number, level: TExamLevel, result: "PASSED" | "FAILED", source: "SELF" | "OFFICIAL" = "OFFICIAL") => {
    if (y < first || y > year) return;
    if (birthDate && y < birthDate.getUTCFullYear() + EXAM_MIN_AGE) return;
    const key = `${practitionerId}|${y}|${level}`;
    if (rows.has(key)) return;
    rows.set(key, { practitionerId, year: y, level, result, source, enteredById: source === "SELF" ? null : opts.officialId, createdAt: new Date(Date.UTC(y, 9, 15)) });
  };
  let n = 0;
  for (const p of people) {
    if (p.id === opts.workerId) continue;
    const cert = p.credentials[0];
    const level = cert?.kind as TExamLevel | undefined;
    if (cert && level) {
      // The exam is in the summer; a certificate issued before July follows the year before's exam.
      const examYear = cert.issueDate.getUTCMonth() >= 6 ? cert.issueDate.getUTCFullYear() : cert.issueDate.getUTCFullYear() - 1;
      if (examYear >= first) {
        add(p.id, p.birthDate, examYear, level, "PASSED", n % 4 === 0 ? "SELF" : "OFFICIAL");
        if (n % 2 === 0) add(p.id, p.birthDate, examYear - 1, level, "FAILED");
        n++;
        continue;
      }
      // An assistant social worker of longer standing tried the next level, and did not pass (the pass rate is low).
      if (level === "ASSISTANT_SOCIAL_WORKER" && n % 3 === 0) add(p.id, p.birthDate, first + ((n / 3) % 3), "SOCIAL_WORKER", "FAILED", n % 2 === 0 ? "SELF" : "OFFICIAL");
    }
    const prep = p.enrolments.map((e) => e.training.endDate.getUTCFullYear()).filter((y) => y >= first && y <= year);
    if (prep.length) {
      const next = p.qualificationLevel === "ASSISTANT_SOCIAL_WORKER" ? "SOCIAL_WORKER" : p.qualificationLevel === "SOCIAL_WORKER" ? "SENIOR_SOCIAL_WORKER" : "ASSISTANT_SOCIAL_WORKER";
      add(p.id, p.birthDate, prep[0]!, next, n % 2 === 0 ? "PASSED" : "FAILED", n % 2 === 0 ? "SELF" : "OFFICIAL");
      n++;
      continue;
    }
    if (!p.credentials.length && p.qualificationLevel === "NONE" && n % 2 === 1) {
      add(p.id, p.birthDate, first + (n % 3), "ASSISTANT_SOCIAL_WORKER", "FAILED");
    }
    n++;
  }
  add(opts.workerId, null, year - 1, "SENIOR_SOCIAL_WORKER", "FAILED", "SELF");
  add(opts.workerId, null, year, "SENIOR_SOCIAL_WORKER", "PASSED", "SELF");
  const data = [...rows.values()];
  // 李明's own entries name him as the one who entered them (his account).
  const workerUser = await tx.user.findFirst({ where: { practitionerId: opts.workerId }, select: { id: true } });
  for (const d of data) if (d.source === "SELF" && d.practitionerId === opts.workerId) d.enteredById = workerUser?.id ?? null;
  if (data.length) await tx.examSitting.createMany({ data });
  return { sittings: data.length };
}
